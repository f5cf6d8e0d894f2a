namespace LogTriage.Signals;

/// <summary>
/// Holds back the keyed facts of one rule that only thresholds read (see <see cref="CoalescingPlan"/>)
/// until their key could reach one of those thresholds' counts.
/// <para>
/// A threshold sums the facts of one key value whose first signals fall in one window, and a fact's
/// signals all lie within a bucket of its first; so a fact can only be part of a count that is
/// reached if, from a window before its first signal to a window and a bucket after it, its key
/// value had at least that many signals. A fact short of that is held. When the fact that brings
/// its key there is handed over, the held facts of that key go with it, in the same hand-over: no
/// count could be reached before that, and every fact of a count that is reached is in the session
/// by the time the last of them arrives. A held fact is dropped when the session forgets the facts
/// of its time (<see cref="Forget"/>), so it is never handed over after the session would have
/// retracted it. The session thus concludes exactly what it would have from every keyed fact.
/// </para>
/// The rule's plain facts still carry every signal, so counts and evidence do not depend on this:
/// only the number of keyed facts does. An address that fails to authenticate once among
/// thousands of others costs no fact of its own.
/// </summary>
/// <param name="counts">The thresholds over the rule: per key kind, the longest window and the smallest count.</param>
internal sealed class LoneSignalGate(IReadOnlyList<KeyedCount> counts)
{
    private static readonly long Width = SignalCoalescer.BucketWidth.Ticks;

    // Signals per key value and bucket, for each count (by its index in counts), and in the order
    // their buckets were first tallied, to let them go.
    private readonly Dictionary<(int Count, string Value), Tally> _tallies = new();
    private readonly Queue<(long Bucket, int Count, string Value)> _tallied = new();
    // The facts held back: by each count's key value, and all of them.
    private readonly Dictionary<(int Count, string Value), List<Held>> _byKey = new();
    private readonly List<Held> _held = [];
    private readonly TimeSpan _longest = counts.Max(c => c.Within);

    /// <summary>How many facts are held back now.</summary>
    public int Holding => _held.Count(h => !h.Gone);

    /// <summary>How many key values have recent signals tallied.</summary>
    public int TalliedKeys => _tallies.Count;

    /// <summary>Tallies one signal of the rule by the key of its keyed fact.</summary>
    public void Count(FactKey key, DateTimeOffset time)
    {
        var bucket = time.UtcTicks / Width;
        for (var i = 0; i < counts.Count; i++)
        {
            var id = (i, key[counts[i].Kind]);
            if (!_tallies.TryGetValue(id, out var tally))
                _tallies[id] = tally = new Tally();
            if (tally.Add(bucket))
                _tallied.Enqueue((bucket, id.Item1, id.Item2));
        }
    }

    /// <summary>
    /// A keyed fact whose bucket closed: handed over, after the held facts of its key that can now
    /// reach a count, or held back.
    /// </summary>
    public void Offer(SignalFact fact, List<SignalFact> closed)
    {
        // A fact without time is never retracted, and so never held either.
        if (fact.Timed && !Reaches(fact))
        {
            var held = new Held(fact);
            for (var i = 0; i < counts.Count; i++)
            {
                var id = (i, fact.Key[counts[i].Kind]);
                (_byKey.TryGetValue(id, out var list) ? list : _byKey[id] = []).Add(held);
            }
            _held.Add(held);
            return;
        }
        for (var i = 0; i < counts.Count; i++)
        {
            if (!_byKey.TryGetValue((i, fact.Key[counts[i].Kind]), out var list))
                continue;
            foreach (var held in list.ToList())
                if (!held.Gone && Reaches(held.Fact))
                {
                    closed.Add(held.Fact);
                    Drop(held);
                }
        }
        closed.Add(fact);
    }

    /// <summary>
    /// The session forgot the rule's facts that ended before <paramref name="before"/>: so are the
    /// held ones, and the tallies only they could read.
    /// </summary>
    public void Forget(DateTimeOffset before)
    {
        foreach (var held in _held)
            if (!held.Gone && held.Fact.Last < before)
                Drop(held);
        _held.RemoveAll(h => h.Gone);
        // What is still held, or comes later, reads tallies from a window before its first signal,
        // which is at most a bucket before its end.
        var oldest = ClampedTime.Minus(before, _longest + SignalCoalescer.BucketWidth + SignalCoalescer.BucketWidth).UtcTicks / Width;
        while (_tallied.Count > 0 && _tallied.Peek().Bucket < oldest)
        {
            var (_, count, value) = _tallied.Dequeue();
            if (_tallies.TryGetValue((count, value), out var tally) && tally.DropBefore(oldest))
                _tallies.Remove((count, value));
        }
    }

    /// <summary>Whether, around the fact, its key value had as many signals as some threshold counts.</summary>
    private bool Reaches(SignalFact fact)
    {
        for (var i = 0; i < counts.Count; i++)
        {
            if (!_tallies.TryGetValue((i, fact.Key[counts[i].Kind]), out var tally))
                continue;
            var from = ClampedTime.Minus(fact.First, counts[i].Within).UtcTicks / Width;
            var to = ClampedTime.Plus(fact.First, counts[i].Within + SignalCoalescer.BucketWidth).UtcTicks / Width;
            if (tally.Between(from, to) >= counts[i].Count)
                return true;
        }
        return false;
    }

    private void Drop(Held held)
    {
        held.Gone = true;
        for (var i = 0; i < counts.Count; i++)
        {
            var id = (i, held.Fact.Key[counts[i].Kind]);
            if (_byKey.TryGetValue(id, out var list) && list.Remove(held) && list.Count == 0)
                _byKey.Remove(id);
        }
    }

    private sealed class Held(SignalFact fact)
    {
        public SignalFact Fact { get; } = fact;

        /// <summary>Handed over or forgotten.</summary>
        public bool Gone { get; set; }
    }

    /// <summary>One key value's signals per bucket, oldest bucket first.</summary>
    private sealed class Tally
    {
        private readonly List<(long Bucket, long Signals)> _buckets = [];

        /// <summary>Counts a signal; true when its bucket is new to the tally.</summary>
        public bool Add(long bucket)
        {
            var i = _buckets.Count - 1;
            while (i >= 0 && _buckets[i].Bucket > bucket)
                i--;
            if (i >= 0 && _buckets[i].Bucket == bucket)
            {
                _buckets[i] = (bucket, _buckets[i].Signals + 1);
                return false;
            }
            _buckets.Insert(i + 1, (bucket, 1));
            return true;
        }

        /// <summary>The signals of the buckets from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
        public long Between(long from, long to)
        {
            long sum = 0;
            foreach (var (bucket, signals) in _buckets)
                if (bucket >= from && bucket <= to)
                    sum += signals;
            return sum;
        }

        /// <summary>Forgets the buckets before <paramref name="bucket"/>; true when none is left.</summary>
        public bool DropBefore(long bucket)
        {
            var n = 0;
            while (n < _buckets.Count && _buckets[n].Bucket < bucket)
                n++;
            _buckets.RemoveRange(0, n);
            return _buckets.Count == 0;
        }
    }
}
