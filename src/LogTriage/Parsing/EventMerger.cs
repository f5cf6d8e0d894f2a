namespace LogTriage.Parsing;

/// <summary>
/// Merges the event streams of several inputs into one, ordered by time: a streaming k-way merge
/// that holds one event per input, never a sort in memory. An event without a time keeps its
/// place in its own input, ordered as if it had the time of the timed event before it.
/// </summary>
internal static class EventMerger
{
    public static IEnumerable<LogEvent> Merge(IReadOnlyList<IEnumerable<LogEvent>> inputs)
    {
        if (inputs.Count == 1)
        {
            foreach (var e in inputs[0])
                yield return e;
            yield break;
        }

        var enumerators = inputs.Select(i => i.GetEnumerator()).ToArray();
        var lastTimes = new DateTimeOffset[enumerators.Length];
        Array.Fill(lastTimes, DateTimeOffset.MinValue);
        var queue = new PriorityQueue<(int Input, LogEvent Event), (DateTimeOffset Time, int Input, long Sequence)>();
        long sequence = 0;
        try
        {
            for (var i = 0; i < enumerators.Length; i++)
                Advance(i);
            while (queue.TryDequeue(out var next, out _))
            {
                yield return next.Event;
                Advance(next.Input);
            }
        }
        finally
        {
            foreach (var enumerator in enumerators)
                enumerator.Dispose();
        }

        void Advance(int input)
        {
            if (!enumerators[input].MoveNext())
                return;
            var e = enumerators[input].Current;
            if (e.Time is { } time)
                lastTimes[input] = time;
            queue.Enqueue((input, e), (lastTimes[input], input, sequence++));
        }
    }
}
