namespace LogTriage;

/// <summary>
/// The <c>--since</c> / <c>--until</c> window: an event outside it is skipped; an event without a
/// time is kept, since nothing says it is outside.
/// </summary>
public sealed record TimeWindow(DateTimeOffset? Since, DateTimeOffset? Until)
{
    public static TimeWindow All { get; } = new(null, null);

    public bool Contains(DateTimeOffset? time) =>
        time is not { } t || ((Since is null || t >= Since) && (Until is null || t <= Until));

    /// <summary>An absolute time (<c>2026-11-25T10:00:00Z</c>, <c>2026-11-25 10:00</c>, read as UTC without a zone) or one relative to now (<c>30m</c>, <c>2h</c>, <c>1d</c>).</summary>
    public static bool TryParseTime(string text, DateTimeOffset now, out DateTimeOffset time)
    {
        if (Rules.DurationText.TryParse(text, out var ago))
        {
            time = now - ago;
            return true;
        }
        return DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal, out time);
    }
}
