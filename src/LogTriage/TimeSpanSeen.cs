namespace LogTriage;

/// <summary>How many events were seen and the earliest and latest time among them.</summary>
public sealed record TimeSpanSeen(long Events, DateTimeOffset? First, DateTimeOffset? Last)
{
    public static TimeSpanSeen None { get; } = new(0, null, null);

    public TimeSpanSeen With(DateTimeOffset? time) => time is not { } t
        ? this with { Events = Events + 1 }
        : new TimeSpanSeen(Events + 1, First is { } f && f <= t ? f : t, Last is { } l && l >= t ? l : t);
}
