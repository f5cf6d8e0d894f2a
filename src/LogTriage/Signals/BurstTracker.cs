using LogTriage.Engine;

namespace LogTriage.Signals;

/// <summary>
/// Groups a rule's signal times into bursts (signals less than <see cref="Gap"/> apart), so that
/// a relation in time ("follows a panic") can be checked per occurrence. Bounded: past
/// <see cref="MaxBursts"/>, later signals extend the last burst.
/// </summary>
internal sealed class BurstTracker
{
    public static readonly TimeSpan Gap = TimeSpan.FromMinutes(1);
    private const int MaxBursts = 512;

    private readonly List<Burst> _bursts = [];

    public void Add(DateTimeOffset time)
    {
        if (_bursts.Count > 0)
        {
            var last = _bursts[^1];
            if (time >= last.Start && (time - last.End <= Gap || _bursts.Count >= MaxBursts))
            {
                _bursts[^1] = last with { End = time > last.End ? time : last.End, Count = last.Count + 1 };
                return;
            }
        }
        _bursts.Add(new Burst(time, time, 1));
    }

    public IReadOnlyList<Burst> ToList() => [.. _bursts];
}
