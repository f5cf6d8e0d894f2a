using LogTriage.Engine;
using LogTriage.Parsing;
using LogTriage.Rules;

namespace LogTriage.Signals;

/// <summary>
/// Counts one key's signals for a threshold rule inside a sliding window, remembering the peak
/// (capped at the threshold's count) and the events of the window where it was first reached.
/// </summary>
internal sealed class WindowAccumulator(RuleDefinition rule, string key)
{
    private readonly ThresholdCondition _threshold = rule.Threshold!;
    private readonly Queue<(DateTimeOffset Time, LogEvent Event)> _window = new();
    private int _peak;
    private IReadOnlyList<LogEvent> _peakEvents = [];
    private long _total;
    private DateTimeOffset? _lastTime;

    public void Add(Signal signal)
    {
        _total++;
        // An event without a time is taken to happen with the last timed one.
        var time = signal.Event.Time ?? _lastTime ?? DateTimeOffset.MinValue;
        _lastTime = time;
        _window.Enqueue((time, signal.Event));
        while (_window.Count > 0 && time - _window.Peek().Time > _threshold.Within)
            _window.Dequeue();
        // Whether the threshold was reached needs no more than its count of events.
        if (_window.Count > _threshold.Count)
            _window.Dequeue();

        if (_window.Count > _peak)
        {
            _peak = _window.Count;
            _peakEvents = [.. _window.Select(w => w.Event)];
        }
    }

    public ThresholdTally ToTally()
    {
        var first = _peakEvents.Count > 0 ? _peakEvents[0] : null;
        var last = _peakEvents.Count > 0 ? _peakEvents[^1] : null;
        return new ThresholdTally(rule.Id, rule.Cause, key, _peak, _total, first?.Time, last?.Time,
            first is null ? null : new SignalPosition(first.Input, first.Line), _peakEvents);
    }
}
