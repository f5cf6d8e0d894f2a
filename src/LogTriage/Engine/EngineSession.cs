using LogTriage.Rules;
using LogTriage.Signals;
using NRules;

namespace LogTriage.Engine;

/// <summary>
/// One analysis' long-lived NRules session. Signal facts are inserted as the coalescer hands them
/// over and the rules fire at once, so a conclusion exists as soon as its conditions hold; facts
/// older than the longest window behind the stream are retracted, and the conclusions that go
/// with them are kept in a <see cref="ConclusionArchive"/>, so memory stays flat on endless input.
/// When facts of a rule not yet compiled arrive, the session is rebuilt with the larger rule set
/// from the live facts (this happens at most once per rule).
/// </summary>
internal sealed class EngineSession
{
    /// <summary>No fact is retracted sooner than this after the stream has passed it.</summary>
    private static readonly TimeSpan MinimumRetention = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Past this many facts the session is rebuilt with its rules compiled to IL: interpreting them
    /// starts faster, and most analyses never get here, but a signal-dense log spends a third less
    /// time in the engine compiled.
    /// </summary>
    internal const long CompileAfterFacts = 4096;

    private readonly CauseEngine _engine;
    private readonly FactRetention _retention;
    private readonly HashSet<string> _factRules = new(StringComparer.Ordinal);
    private readonly LinkedList<SignalFact> _live = new();
    private readonly ConclusionArchive _archive = new();
    private ISession? _session;
    private HashSet<string> _compiledFor = new(StringComparer.Ordinal);
    private DateTimeOffset _lastForget = DateTimeOffset.MinValue;
    private long _inserted;
    private bool _toIl;
    private readonly System.Diagnostics.Stopwatch _busy = new();

    private readonly Action<RuleFiring>? _fired;

    private readonly long _compileAfterFacts;

    internal EngineSession(CauseEngine engine, Action<RuleFiring>? fired, long compileAfterFacts = CompileAfterFacts)
    {
        _compileAfterFacts = compileAfterFacts;
        _engine = engine;
        _fired = fired;
        _retention = new FactRetention(engine.Rules, MinimumRetention);
    }

    /// <summary>How many facts were inserted in all; the benchmark reports it per gigabyte.</summary>
    public long FactsInserted => _inserted;

    /// <summary>How many facts the session holds now.</summary>
    public int LiveFacts => _live.Count;

    /// <summary>How many rule firings the session has had.</summary>
    public long RulesFired { get; private set; }

    /// <summary>Time spent in the engine: inserting, firing, retracting, compiling.</summary>
    public TimeSpan Busy => _busy.Elapsed;

    /// <summary>How long behind the stream each rule's facts are kept.</summary>
    public FactRetention Retention => _retention;

    /// <summary>Inserts facts handed over (none, when all were held back) and forgets what the stream has left behind.</summary>
    /// <returns>Whether the session then forgot the facts the stream has left behind by more than their <see cref="Retention"/>.</returns>
    public bool Insert(IReadOnlyList<SignalFact> facts, DateTimeOffset now)
    {
        _busy.Start();
        try
        {
            return facts.Count == 0 ? Forget(now) : InsertTimed(facts, now);
        }
        finally
        {
            _busy.Stop();
        }
    }

    private bool InsertTimed(IReadOnlyList<SignalFact> facts, DateTimeOffset now)
    {
        var grew = false;
        foreach (var fact in facts)
        {
            _live.AddLast(fact);
            grew |= _factRules.Add(fact.RuleId);
        }
        _inserted += facts.Count;
        var compile = !_toIl && _inserted >= _compileAfterFacts;
        _toIl |= compile;
        if (_session is null || compile || (grew && !_factRules.IsSubsetOf(_compiledFor)))
            Rebuild();
        else
        {
            _session.InsertAll(facts);
            Fire();
        }
        return Forget(now);
    }

    /// <summary>The findings, explanations and suppressions as they stand, archived ones included.</summary>
    public EngineConclusions Conclusions()
    {
        if (_session is null)
            return _archive.ToConclusions([], [], []);
        return _archive.ToConclusions(_session.Query<Finding>().ToList(), _session.Query<Explanation>().ToList(), _session.Query<Suppression>().ToList());
    }

    private void Rebuild()
    {
        _compiledFor = new HashSet<string>(_factRules, StringComparer.Ordinal);
        var session = _engine.FactoryFor(_compiledFor, _toIl).CreateSession();
        session.Events.RuleFiredEvent += (_, e) =>
        {
            RulesFired++;
            _fired?.Invoke(new RuleFiring(e.Rule.Name, e.Facts.Select(f => f.Value).OfType<object>().ToList()));
        };
        session.InsertAll(_live);
        _session = session;
        Fire();
    }

    private void Fire() => _session!.Fire();

    /// <summary>
    /// Retracts facts the stream has left behind by more than the retention. What they supported is
    /// settled: no later fact can join them, so the conclusions that vanish with them are archived.
    /// </summary>
    private bool Forget(DateTimeOffset now)
    {
        if (_session is null || now - _lastForget < _retention.Floor / 4 || now.UtcTicks - DateTimeOffset.MinValue.UtcTicks <= _retention.Longest.Ticks)
            return false;
        _lastForget = now;
        var old = new List<SignalFact>();
        for (var node = _live.First; node is not null;)
        {
            var next = node.Next;
            if (node.Value.Timed && node.Value.Last < ClampedTime.Minus(now, _retention.Of(node.Value.RuleId)))
            {
                old.Add(node.Value);
                _live.Remove(node);
            }
            node = next;
        }
        if (old.Count == 0)
            return true;
        var findings = _session.Query<Finding>().ToList();
        var explanations = _session.Query<Explanation>().ToList();
        var suppressions = _session.Query<Suppression>().ToList();
        _session.RetractAll(old);
        Fire();
        _archive.KeepGone(findings, _session.Query<Finding>(), explanations, _session.Query<Explanation>(), suppressions, _session.Query<Suppression>());
        return true;
    }
}
