using LogTriage.Engine;
using LogTriage.Input;
using LogTriage.Parsing;
using LogTriage.Rules;
using LogTriage.Signals;

namespace LogTriage;

/// <summary>
/// The state of one analysis while it streams: what was read, the coalescer handing signal facts
/// to the analysis' long-lived engine session, the unrecognised lines. A snapshot of its
/// conclusions can be taken at any time, from any thread (a live update, Ctrl-C), while events
/// keep arriving.
/// </summary>
public sealed class AnalysisRun
{
    private readonly object _gate = new();
    private readonly RuleSet _rules;
    private readonly CauseRanker _ranker;
    private readonly int _unrecognisedGroups;
    private readonly SignalCoalescer _coalescer;
    private readonly EngineSession _session;
    private readonly UnrecognisedCollector _unrecognised = new();
    private readonly List<SignalFact> _closed = [];
    private long _events;
    private long _inWindow;
    private TimeSpanSeen _outside = TimeSpanSeen.None;
    private long _signals;
    private long _closedBefore;

    internal AnalysisRun(RuleSet rules, CauseEngine engine, CauseRanker ranker, CoalescingPlan plan, IReadOnlyList<InputStatistics> inputs, int unrecognisedGroups, Action<RuleFiring>? fired, long compileAfterFacts = EngineSession.CompileAfterFacts, bool holdBack = true)
    {
        _rules = rules;
        _ranker = ranker;
        _unrecognisedGroups = unrecognisedGroups;
        _coalescer = new SignalCoalescer(plan, holdBack);
        _session = engine.OpenSession(fired, compileAfterFacts);
        Inputs = inputs;
    }

    public IReadOnlyList<InputStatistics> Inputs { get; }

    /// <summary>How many signals have been seen; a live observer compares it to know whether anything changed.</summary>
    public long SignalCount => Interlocked.Read(ref _signals);

    /// <summary>What the engine was given and did, for the benchmark.</summary>
    public EngineStatistics EngineStatistics
    {
        get
        {
            lock (_gate)
                return new EngineStatistics(_session.FactsInserted, _session.LiveFacts, _session.RulesFired, _session.Busy);
        }
    }

    internal void Add(LogEvent e, List<Signal> signals)
    {
        lock (_gate)
        {
            _events++;
            _inWindow++;
            if (signals.Count == 0)
            {
                _unrecognised.Add(e);
                return;
            }
            _coalescer.Add(e, signals, _closed);
            Interlocked.Add(ref _signals, signals.Count);
            HandOver();
        }
    }

    internal void Skip(DateTimeOffset? time)
    {
        lock (_gate)
        {
            _events++;
            _outside = _outside.With(time);
        }
    }

    private void HandOver()
    {
        // A hand-over of only held-back facts is one still: the session forgets on it as it would
        // have with them, and the held-back facts are forgotten when, and as, the session forgets.
        if (_coalescer.Closed == _closedBefore)
            return;
        _closedBefore = _coalescer.Closed;
        if (_session.Insert(_closed, _coalescer.Now))
            _coalescer.Forget(_coalescer.Now, _session.Retention.Of);
        _closed.Clear();
    }

    public AnalysisResult Snapshot()
    {
        lock (_gate)
        {
            _coalescer.Flush(_closed);
            HandOver();
            var conclusions = _session.Conclusions();
            var ranked = _ranker.Rank(_rules, conclusions);
            return new AnalysisResult(
                Inputs,
                ranked.Where(c => c.Severity > Severity.Info).ToList(),
                ranked.Where(c => c.Severity == Severity.Info).ToList(),
                _events,
                _signals,
                _unrecognised.Groups(_unrecognisedGroups))
            {
                Suppressed = conclusions.Suppressions
                    .GroupBy(s => (s.RuleId, s.Exception))
                    .Select(g => new SuppressedSignals(g.Key.RuleId, g.Key.Exception, g.Sum(s => s.Fact.Count)))
                    .OrderBy(s => s.RuleId, StringComparer.Ordinal).ThenBy(s => s.Exception, StringComparer.Ordinal)
                    .ToList(),
                Engine = new EngineStatistics(_session.FactsInserted, _session.LiveFacts, _session.RulesFired, _session.Busy),
                OutsideWindow = _inWindow == 0 && _outside.Events > 0 ? _outside : null,
            };
        }
    }
}
