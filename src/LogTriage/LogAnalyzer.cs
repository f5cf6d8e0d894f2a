using LogTriage.Engine;
using LogTriage.Input;
using LogTriage.Parsing;
using LogTriage.Rules;
using LogTriage.Signals;

namespace LogTriage;

/// <summary>
/// The pipeline end to end: inputs are streamed line by line into events, the inputs' events
/// merged in time order, events matched into signals, signals folded into keyed tallies, and
/// the tallies run through the NRules engine into ranked causes.
/// Build one per rule set and reuse it; each <see cref="Analyze"/> call is independent.
/// </summary>
public sealed class LogAnalyzer
{
    private readonly RuleSet _rules;
    private readonly SignalMatcher _matcher;
    private readonly CauseEngine _engine;
    private readonly CauseRanker _ranker = new();
    private readonly CoalescingPlan _plan;
    private readonly FormatDetector _formats;

    public LogAnalyzer(RuleSet rules, FormatDetector? formats = null)
    {
        _rules = rules;
        _matcher = new SignalMatcher(rules);
        _engine = new CauseEngine(rules);
        _plan = new CoalescingPlan(rules);
        _formats = formats ?? FormatDetector.Default;
    }

    public RuleSet Rules => _rules;

    public AnalysisResult Analyze(IEnumerable<InputSource> inputs, AnalysisOptions? options = null)
    {
        options ??= new AnalysisOptions();
        var forced = options.InputFormat is null ? null
            : _formats.Find(options.InputFormat) ?? throw new ArgumentException($"unknown input format '{options.InputFormat}'");

        var sources = inputs.ToList();
        var statistics = new List<InputStatistics>();
        var streams = new List<IEnumerable<LogEvent>>();
        foreach (var input in sources)
        {
            var stats = new InputStatistics(input.Name);
            statistics.Add(stats);
            streams.Add(ReadEvents(input, stats, forced, options.DetectionLines));
        }

        var run = new AnalysisRun(_rules, _engine, _ranker, _plan, statistics, options.UnrecognisedGroups, options.RuleFired, options.CompileEngineAfterFacts, options.HoldBackLoneKeys);
        options.Started?.Invoke(run);
        // Only inputs of known length end by themselves; the others may wait for more at any line.
        if (sources.All(s => s.Length is not null) && sources.Sum(s => s.Length!.Value) >= options.OverlapFromBytes)
            MatchingPipeline.Overlapped(EventMerger.Merge(streams), options.Window, _matcher, run);
        else
            MatchingPipeline.Sequential(EventMerger.Merge(streams), options.Window, _matcher, run);
        var result = run.Snapshot();
        if (options.EvidenceContextLines <= 0)
            return result;
        // Seekable inputs are read once more for the lines around the few evidence lines shown.
        var wanted = result.Causes.Concat(result.Context).SelectMany(c => c.Evidence).Select(e => (e.Event.Input, e.Event.Line));
        return result with { EvidenceContext = new LineContextReader(options.EvidenceContextLines).Read(sources, wanted) };
    }

    /// <summary>
    /// One input's events, opened lazily. A read error ends this input (recorded in its
    /// statistics) without ending the others.
    /// </summary>
    private IEnumerable<LogEvent> ReadEvents(InputSource input, InputStatistics stats, ILogFormat? forced, int detectionLines)
    {
        Stream? stream = null;
        PeekableLines? lines = null;
        IEnumerator<LogEvent>? events = null;
        ILineParser? parser = null;
        try
        {
            try
            {
                var reader = new LineReader { ReadAhead = input.Length >= LineReader.ReadAheadFrom };
                if (input.NumberedLines is { } numbered)
                    lines = new PeekableLines(Counted(numbered, stats));
                else
                {
                    stream = input.OpenText();
                    lines = new PeekableLines(reader.Read(stream, stats, input.FirstLine, input.CompleteLinesOnly), () => reader.AtEndOfAvailable);
                }
                var format = forced ?? _formats.Detect(lines.Peek(detectionLines));
                stats.Format = format.Name;
                parser = format.CreateParser(input.Name, _matcher);
                reader.Skipper = parser as ILineSkipper;
                events = parser.Parse(lines).GetEnumerator();
            }
            catch (Exception e) when (IsReadError(e))
            {
                stats.Error = e.Message;
                yield break;
            }

            while (true)
            {
                LogEvent current;
                try
                {
                    if (!events.MoveNext())
                        break;
                    current = events.Current;
                }
                catch (Exception e) when (IsReadError(e))
                {
                    stats.Error = e.Message;
                    break;
                }
                stats.Events++;
                stats.Seen(current.Time);
                if (!current.Parsed)
                    stats.Unparsed++;
                if (parser is IFormatNamed named)
                    stats.Format = named.FormatName;
                yield return current;
            }
        }
        finally
        {
            events?.Dispose();
            lines?.Dispose();
            stream?.Dispose();
        }
    }

    private static IEnumerable<InputLine> Counted(IEnumerable<InputLine> lines, InputStatistics stats)
    {
        foreach (var line in lines)
        {
            stats.Lines++;
            stats.Bytes += System.Text.Encoding.UTF8.GetByteCount(line.Text) + 1;
            yield return line;
        }
    }

    /// <summary>
    /// The lines of an input's events that at least one rule matches, each event's lines with their
    /// numbers: what a fleet's worker forwards, since the engine needs nothing else to reach the
    /// same causes (an event's lines stay together; the lines no rule wants are dropped).
    /// </summary>
    public IEnumerable<InputLine> SignalLines(InputSource input, AnalysisOptions? options = null)
    {
        options ??= new AnalysisOptions();
        var stats = new InputStatistics(input.Name);
        var signals = new List<Signal>();
        foreach (var e in ReadEvents(input, stats, null, options.DetectionLines))
        {
            signals.Clear();
            _matcher.Match(e, signals);
            if (signals.Count == 0)
                continue;
            var number = e.Line;
            foreach (var text in e.Text.Split('\n'))
                yield return new InputLine(number++, text);
        }
    }


    private static bool IsReadError(Exception e) => e is IOException or InvalidDataException or UnauthorizedAccessException;
}
