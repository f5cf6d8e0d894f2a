namespace LogTriage.Report;

/// <summary>The one way times are written in reports: ISO 8601, UTC, microseconds.</summary>
public static class ReportTime
{
    public static string? Format(DateTimeOffset? time) =>
        time?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    public static string Span(DateTimeOffset? first, DateTimeOffset? last) =>
        first is null ? "time unknown"
        : first == last ? Format(first)!
        : $"{Format(first)} .. {Format(last)}";
}
