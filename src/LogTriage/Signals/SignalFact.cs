using LogTriage.Parsing;
using LogTriage.Rules;

namespace LogTriage.Signals;

/// <summary>
/// The fact the engine reasons over: the signals of one rule, for one key, within one time bucket,
/// coalesced. A gigabyte of log becomes a bounded number of these (see <see cref="SignalCoalescer"/>).
/// Immutable: a bucket that receives more signals after it was handed over becomes a second fact.
/// </summary>
public sealed record SignalFact(
    string RuleId,
    string Cause,
    EventOrigin Origin,
    string Input,
    FactKey Key,
    long Count,
    DateTimeOffset First,
    DateTimeOffset Last,
    bool Timed,
    IReadOnlyList<LogEvent> Evidence,
    IReadOnlyList<ConnectionInfo> Connections)
{
    /// <summary>
    /// How many of its lines no other rule of the same cause matched first: one input line is one
    /// piece of evidence for a cause, however many of that cause's rules recognise it.
    /// </summary>
    public long Lines { get; init; } = Count;

    /// <summary>
    /// Which constructs the fact is for: the plain stream of its rule (all its signals of the bucket
    /// together), or its signals split by the keys some rule groups, joins or excepts on. A rule that
    /// needs no key reads the plain stream, so a key with many values (an address per signal) costs
    /// only the constructs that group by it.
    /// </summary>
    public FactStreams Streams { get; init; } = FactStreams.Plain;

    /// <summary>Whether a construct reading <paramref name="stream"/> reads this fact.</summary>
    public bool Serves(FactStreams stream) => (Streams & stream) != 0;

    /// <summary>The severity of the rule that matched.</summary>
    public Severity Severity { get; init; } = Severity.Warning;

    /// <summary>Where the fact's first signal is: orders facts that have no time.</summary>
    public SignalPosition Position => new(Evidence[0].Input, Evidence[0].Line);

    /// <summary>
    /// Clocks of a client host and a server host rarely agree to the millisecond: spans in rules
    /// are widened by this much on the side where another host's facts meet.
    /// </summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Whether <paramref name="later"/> comes after this fact and starts within <paramref name="within"/>
    /// of its end. Lines of one input are in order; another host's clock is allowed its skew.
    /// </summary>
    public bool IsFollowedBy(SignalFact later, TimeSpan within)
    {
        if (ReferenceEquals(this, later))
            return false;
        if (later.First > ClampedTime.Plus(Last, within))
            return false;
        return Input == later.Input
            ? later.Position.Line > Position.Line
            : later.First >= ClampedTime.Minus(First, ClockSkew);
    }

    /// <summary>Whether this fact falls in the span from <paramref name="start"/> to <paramref name="end"/>.</summary>
    public bool Within(DateTimeOffset start, DateTimeOffset end) => Last >= start && First <= end;
}
