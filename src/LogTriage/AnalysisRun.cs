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

    internal AnalysisRun(RuleSet rules, CauseEngine engine, CauseRanker ranker, CoalescingPlan plan, IReadOnlyList<InputStatistics> inputs, int unrecognisedGroups, Action<RuleFiring>? fired, long compileAfterFacts = EngineSession.CompileAfterFacts)
    {
        _rules = rules;
        _ranker = ranker;
        _unrecognisedGroups = unrecognisedGroups;
        _coalescer = new SignalCoalescer(plan);
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
        if (_closed.Count == 0)
            return;
        _session.Insert(_closed, _coalescer.Now);
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
