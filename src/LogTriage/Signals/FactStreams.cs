namespace LogTriage.Signals;

/// <summary>
/// Which constructs a signal fact is for. A rule's signals of one bucket always make a
/// <see cref="Plain"/> fact; the rules some construct keys on also make facts split by key value,
/// read either to conclude per key (<see cref="Keyed"/>) or only to look a key up
/// (<see cref="Lookup"/>). Usually one keyed fact serves both (see <see cref="CoalescingPlan"/>).
/// </summary>
[Flags]
public enum FactStreams
{
    /// <summary>All the rule's signals of the bucket, whatever their key: read by the constructs that need no key.</summary>
    Plain = 1,

    /// <summary>
    /// Split by every key kind the constructs over the rule use; read by those that conclude per key
    /// (a keyed single-event rule, a threshold, a sequence). Where thresholds alone read them, the
    /// facts of a key too rare to reach any of their counts are held back.
    /// </summary>
    Keyed = 2,

    /// <summary>
    /// Split by the key kinds looked up in them (what an <c>unless</c> searches for, what an exception
    /// counts as held back), every signal kept.
    /// </summary>
    Lookup = 4,
}
