using LogTriage.Engine;
using LogTriage.Input;
using LogTriage.Parsing;
using LogTriage.Rules;
using LogTriage.Signals;

namespace LogTriage;

/// <summary>
/// The pipeline end to end: inputs are streamed line by line into events, events into signals,
/// signals into keyed tallies, tallies through the NRules engine into ranked causes.
/// Build one per rule set and reuse it; each <see cref="Analyze"/> call is independent.
/// </summary>
public sealed class LogAnalyzer
{
    private readonly RuleSet _rules;
    private readonly SignalMatcher _matcher;
    private readonly CauseEngine _engine;
    private readonly CauseRanker _ranker = new();
    private readonly FormatDetector _formats;

    public LogAnalyzer(RuleSet rules, FormatDetector? formats = null)
    {
        _rules = rules;
        _matcher = new SignalMatcher(rules);
        _engine = new CauseEngine(rules);
        _formats = formats ?? FormatDetector.Default;
    }

    public RuleSet Rules => _rules;

    public AnalysisResult Analyze(IEnumerable<InputSource> inputs, AnalysisOptions? options = null)
    {
        options ??= new AnalysisOptions();
        var forced = options.InputFormat is null ? null
            : _formats.Find(options.InputFormat) ?? throw new ArgumentException($"unknown input format '{options.InputFormat}'");

        var aggregator = new SignalAggregator(_rules);
        var statistics = new List<InputStatistics>();
        var signals = new List<Signal>();
        long events = 0, signalCount = 0;

        foreach (var input in inputs)
        {
            var stats = new InputStatistics(input.Name);
            statistics.Add(stats);
            try
            {
                using var stream = Decompression.Unwrap(input.Open());
                using var lines = new PeekableLines(LineReader.ReadLines(stream, stats));
                var format = forced ?? _formats.Detect(lines.Peek(options.DetectionLines));
                stats.Format = format.Name;
                foreach (var e in format.CreateParser(input.Name).Parse(lines))
                {
                    events++;
                    stats.Events++;
                    if (!e.Parsed)
                        stats.Unparsed++;
                    signals.Clear();
                    _matcher.Match(e, signals);
                    foreach (var signal in signals)
                    {
                        signalCount++;
                        aggregator.Add(signal);
                    }
                }
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                stats.Error = e.Message;
            }
        }

        var conclusions = _engine.Run(aggregator.RuleTallies, aggregator.ThresholdTallies);
        var ranked = _ranker.Rank(_rules, conclusions);
        return new AnalysisResult(
            statistics,
            ranked.Where(c => c.Severity > Severity.Info).ToList(),
            ranked.Where(c => c.Severity == Severity.Info).ToList(),
            events,
            signalCount);
    }
}
