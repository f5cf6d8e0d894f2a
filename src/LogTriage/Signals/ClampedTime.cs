namespace LogTriage.Signals;

/// <summary>Time arithmetic that saturates at the ends of the calendar instead of throwing: a log may say year 1 or 9999.</summary>
internal static class ClampedTime
{
    public static DateTimeOffset Minus(DateTimeOffset t, TimeSpan span) =>
        t.UtcTicks - DateTimeOffset.MinValue.UtcTicks <= span.Ticks ? DateTimeOffset.MinValue : t - span;

    public static DateTimeOffset Plus(DateTimeOffset t, TimeSpan span) =>
        DateTimeOffset.MaxValue.UtcTicks - t.UtcTicks <= span.Ticks ? DateTimeOffset.MaxValue : t + span;
}
