using LogTriage.Engine;
using LogTriage.Input;
using LogTriage.Parsing;
using LogTriage.Rules;
using LogTriage.Signals;

namespace LogTriage;

/// <summary>
/// The state of one analysis while it streams: what was read, the keyed tallies, the unrecognised
/// lines. A snapshot of its conclusions can be taken at any time, from any thread (a live update,
/// Ctrl-C), while events keep arriving.
/// </summary>
public sealed class AnalysisRun
{
    private readonly object _gate = new();
    private readonly RuleSet _rules;
    private readonly CauseEngine _engine;
    private readonly CauseRanker _ranker;
    private readonly int _unrecognisedGroups;
    private readonly SignalAggregator _aggregator;
    private readonly UnrecognisedCollector _unrecognised = new();
    private long _events;
    private long _signals;

    internal AnalysisRun(RuleSet rules, CauseEngine engine, CauseRanker ranker, IReadOnlyList<InputStatistics> inputs, int unrecognisedGroups)
    {
        _rules = rules;
        _engine = engine;
        _ranker = ranker;
        _unrecognisedGroups = unrecognisedGroups;
        _aggregator = new SignalAggregator(rules);
        Inputs = inputs;
    }

    public IReadOnlyList<InputStatistics> Inputs { get; }

    /// <summary>How many signals have been seen; a live observer compares it to know whether anything changed.</summary>
    public long SignalCount => Interlocked.Read(ref _signals);

    internal void Add(LogEvent e, List<Signal> signals)
    {
        lock (_gate)
        {
            _events++;
            if (signals.Count == 0)
                _unrecognised.Add(e);
            foreach (var signal in signals)
                _aggregator.Add(signal);
            Interlocked.Add(ref _signals, signals.Count);
        }
    }

    internal void Skip()
    {
        lock (_gate)
            _events++;
    }

    public AnalysisResult Snapshot()
    {
        lock (_gate)
        {
            var conclusions = _engine.Run(_aggregator.RuleTallies, _aggregator.ThresholdTallies);
            var ranked = _ranker.Rank(_rules, conclusions);
            return new AnalysisResult(
                Inputs,
                ranked.Where(c => c.Severity > Severity.Info).ToList(),
                ranked.Where(c => c.Severity == Severity.Info).ToList(),
                _events,
                _signals,
                _unrecognised.Groups(_unrecognisedGroups));
        }
    }
}
