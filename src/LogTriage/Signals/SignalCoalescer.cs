using LogTriage.Parsing;
using LogTriage.Rules;

namespace LogTriage.Signals;

/// <summary>
/// Folds the stream of signals into <see cref="SignalFact"/>s: per rule and five-second bucket, one
/// plain fact, and one per key value for the rules some construct keys on (as the
/// <see cref="CoalescingPlan"/> says). A bucket is handed over once the stream has moved past it (or on <see cref="Flush"/>),
/// so the engine receives facts while lines still arrive. Bound: facts per second of log are at
/// most rules × distinct keys active in that second, and at most <see cref="MaxOpenBuckets"/>
/// buckets are held at once (beyond that the oldest are handed over early). Keyed facts that only
/// thresholds read wait at their rule's <see cref="LoneSignalGate"/> until their key could reach
/// a count; they are forgotten with the session's facts of their time (<see cref="Forget"/>).
/// </summary>
/// <param name="holdBack">Whether the gates hold keyed facts back at all (tests compare both ways).</param>
internal sealed class SignalCoalescer(CoalescingPlan plan, bool holdBack = true)
{
    // Wide enough that a busy log gives few facts (and so few joins between findings), narrow
    // enough next to the rules' windows; each fact keeps its exact first and last time.
    public static readonly TimeSpan BucketWidth = TimeSpan.FromSeconds(5);
    private const int MaxOpenBuckets = 20_000;
    private const int KeepEvidence = 3;
    private const int KeepConnections = 4;

    private readonly Dictionary<(string Rule, FactKey Key, long Bucket), Bucket> _open = new();
    private readonly Queue<(string Rule, FactKey Key, long Bucket)> _order = new();
    private readonly Dictionary<string, DateTimeOffset> _lastTime = new(StringComparer.Ordinal);
    private readonly HashSet<string> _causesOfLine = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LoneSignalGate> _gates = new(StringComparer.Ordinal);
    private readonly InputIdentities _identities = new();
    private DateTimeOffset _now = DateTimeOffset.UnixEpoch;

    /// <summary>How far the stream has got: the latest time seen.</summary>
    public DateTimeOffset Now => _now;

    /// <summary>How many buckets have been closed, facts held back included: the session forgets as often as it would without holding back.</summary>
    public long Closed { get; private set; }

    /// <summary>How many keyed facts are held back now, waiting for their key to reach a count.</summary>
    public int HeldBack => _gates.Values.Sum(g => g.Holding);

    /// <summary>How many key values the gates remember recent signals of.</summary>
    public int TalliedKeys => _gates.Values.Sum(g => g.TalliedKeys);

    /// <summary>Adds the signals of one event; returns the facts whose buckets the stream has left.</summary>
    public void Add(LogEvent e, IReadOnlyList<Signal> signals, List<SignalFact> closed)
    {
        var time = TimeOf(e, out var timed);
        if (time > _now)
            _now = time;
        // One input line is one piece of evidence for a cause, however many of its rules match it.
        _causesOfLine.Clear();
        foreach (var signal in signals)
            _identities.Learn(signal);
        foreach (var signal in signals)
        {
            var firstOfCause = _causesOfLine.Add(signal.Rule.Cause);
            var rule = plan.For(signal.Rule.Id);
            // Negative slots are single lines: closed at once, never shared.
            var slot = rule.OneFactPerSignal
                ? -1 - ((e.Line << 16) ^ (StringComparer.Ordinal.GetHashCode(e.Input) & 0xFFFF))
                : time.UtcTicks / BucketWidth.Ticks;
            AddTo((signal.Rule.Id, FactKey.None, slot), signal, e, time, timed, firstOfCause, FactStreams.Plain);
            foreach (var stream in rule.Streams)
            {
                var key = CoalescingPlan.KeyOf(signal, _identities, stream.Kinds);
                var held = stream.HeldBack && holdBack;
                AddTo((signal.Rule.Id, key, slot), signal, e, time, timed, firstOfCause, stream.Streams, held);
                if (held)
                    GateOf(signal.Rule.Id, rule).Count(key, time);
            }
        }
        if (_now > DateTimeOffset.UnixEpoch)
            CloseBefore(ClampedTime.Minus(_now, BucketWidth + SignalFact.ClockSkew), closed);
        while (_open.Count > MaxOpenBuckets)
            Close(_order.Dequeue(), closed);
    }

    private void AddTo((string, FactKey, long) id, Signal signal, LogEvent e, DateTimeOffset time, bool timed, bool firstOfCause, FactStreams streams, bool heldBack = false)
    {
        if (!_open.TryGetValue(id, out var bucket))
        {
            _open[id] = bucket = new Bucket(signal.Rule, id.Item2, e.Origin, e.Input, timed, streams, heldBack);
            _order.Enqueue(id);
        }
        bucket.Add(signal, time, firstOfCause);
    }

    private LoneSignalGate GateOf(string ruleId, RulePlan rule)
    {
        if (!_gates.TryGetValue(ruleId, out var gate))
            _gates[ruleId] = gate = new LoneSignalGate(rule.Counts);
        return gate;
    }

    /// <summary>
    /// The session has forgotten the facts that ended more than their rule's retention before
    /// <paramref name="now"/>: so are the held-back ones, which it would have forgotten with them.
    /// </summary>
    public void Forget(DateTimeOffset now, Func<string, TimeSpan> retentionOf)
    {
        foreach (var (ruleId, gate) in _gates)
            gate.Forget(ClampedTime.Minus(now, retentionOf(ruleId)));
    }

    /// <summary>Hands over every open bucket (end of input, or a snapshot while the input continues).</summary>
    public void Flush(List<SignalFact> closed)
    {
        while (_order.Count > 0)
            Close(_order.Dequeue(), closed);
    }

    private void CloseBefore(DateTimeOffset limit, List<SignalFact> closed)
    {
        var limitBucket = limit.UtcTicks / BucketWidth.Ticks;
        while (_order.Count > 0 && _order.Peek().Bucket < limitBucket)
            Close(_order.Dequeue(), closed);
    }

    private void Close((string Rule, FactKey, long) id, List<SignalFact> closed)
    {
        if (!_open.Remove(id, out var bucket))
            return;
        Closed++;
        if (bucket.HeldBack)
            _gates[id.Rule].Offer(bucket.ToFact(), closed);
        else
            closed.Add(bucket.ToFact());
    }

    /// <summary>
    /// An event without a time happened with the last timed one of its input; an input with no
    /// time at all is ordered by its line numbers (a millisecond each), so spans still order it.
    /// </summary>
    private DateTimeOffset TimeOf(LogEvent e, out bool timed)
    {
        if (e.Time is { } t)
        {
            timed = true;
            _lastTime[e.Input] = t;
            return t;
        }
        timed = false;
        return _lastTime.TryGetValue(e.Input, out var last) ? last : DateTimeOffset.UnixEpoch + TimeSpan.FromMilliseconds(e.Line);
    }

    private sealed class Bucket(RuleDefinition rule, FactKey key, EventOrigin origin, string input, bool timed, FactStreams streams, bool heldBack)
    {
        public bool HeldBack => heldBack;

        private readonly List<LogEvent> _evidence = new(KeepEvidence);
        private readonly List<ConnectionInfo> _connections = [];
        private LogEvent? _last;
        private long _count;
        private long _lines;
        private DateTimeOffset _first = DateTimeOffset.MaxValue;
        private DateTimeOffset _lastTime = DateTimeOffset.MinValue;

        public void Add(Signal signal, DateTimeOffset time, bool firstOfCause)
        {
            _count++;
            if (firstOfCause)
                _lines++;
            if (time < _first)
                _first = time;
            if (time > _lastTime)
                _lastTime = time;
            if (_evidence.Count < KeepEvidence - 1)
                _evidence.Add(signal.Event);
            else
                _last = signal.Event;
            // Described only when a report shows them: most facts' connections never are.
            if (signal.Event.Connection is { } c && _connections.Count < KeepConnections && !_connections.Contains(c))
                _connections.Add(c);
        }

        public SignalFact ToFact() =>
            new(rule.Id, rule.Cause, origin, input, key, _count, _first, _lastTime, timed,
                _last is null ? [.. _evidence] : [.. _evidence, _last], [.. _connections])
            {
                Lines = _lines,
                Severity = rule.Severity,
                Streams = streams,
            };
    }
}
