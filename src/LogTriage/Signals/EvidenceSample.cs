using LogTriage.Parsing;

namespace LogTriage.Signals;

/// <summary>
/// Keeps a bounded sample of the events behind a finding: the first few (how it started) and the
/// last few (how it ended), whatever the number of matches.
/// </summary>
internal sealed class EvidenceSample(int keepFirst = 3, int keepLast = 2)
{
    private readonly List<LogEvent> _first = new(keepFirst);
    private readonly Queue<LogEvent> _last = new(keepLast + 1);

    public void Add(LogEvent e)
    {
        if (_first.Count < keepFirst)
        {
            _first.Add(e);
            return;
        }
        _last.Enqueue(e);
        if (_last.Count > keepLast)
            _last.Dequeue();
    }

    public IReadOnlyList<LogEvent> ToList() => [.. _first, .. _last];
}
