using LogTriage.Engine;
using LogTriage.Rules;

namespace LogTriage.Signals;

/// <summary>Summarises the signals of one single-event rule (for one key, if given) into a <see cref="RuleTally"/>.</summary>
internal sealed class RuleAccumulator(RuleDefinition rule, GroupBy? per = null, string? key = null)
{
    private const int MaxConnections = 100;

    private readonly EvidenceSample _evidence = new();
    private readonly BurstTracker _bursts = new();
    private readonly HashSet<string> _connections = new(StringComparer.Ordinal);
    private long _count;
    private DateTimeOffset? _first;
    private DateTimeOffset? _last;
    private SignalPosition? _firstPosition;

    public void Add(Signal signal)
    {
        _count++;
        var e = signal.Event;
        if (e.Time is { } t)
        {
            if (_first is null || t < _first)
                _first = t;
            if (_last is null || t > _last)
                _last = t;
            _bursts.Add(t);
        }
        _firstPosition ??= new SignalPosition(e.Input, e.Line);
        _evidence.Add(e);
        if (e.Connection is { } c && _connections.Count < MaxConnections)
            _connections.Add(ConnectionDescription.Of(c));
    }

    public RuleTally ToTally() =>
        new(rule.Id, rule.Cause, _count, _first, _last, _firstPosition!, _evidence.ToList(), [.. _connections.Order(StringComparer.Ordinal)], per?.ToString(), key)
        {
            Bursts = _bursts.ToList(),
        };
}
