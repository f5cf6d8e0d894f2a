using System.Globalization;

namespace LogTriage.Report;

/// <summary>
/// One cause's evidence as an inline SVG strip: x is time across the whole report's span (the same
/// scale for every cause, so strips can be compared), the cause's first..last seen as a band, and
/// one tick per evidence line. No script, no external reference; a tick's tooltip is its location.
/// </summary>
internal sealed class HtmlTimeline
{
    private const int Width = 640;
    private const int Height = 64;
    private const int Left = 12;
    private const int Right = Width - 12;
    private const int AxisY = 42;

    private readonly DateTimeOffset _start;
    private readonly DateTimeOffset _end;

    private HtmlTimeline(DateTimeOffset start, DateTimeOffset end)
    {
        _start = start;
        _end = end;
    }

    /// <summary>The report's overall time span; null when no cause has a time.</summary>
    public static HtmlTimeline? For(CauseReport report)
    {
        var times = report.Causes.Concat(report.Context)
            .SelectMany(c => c.Evidence.Select(e => e.Time).Append(c.FirstSeen).Append(c.LastSeen))
            .Where(t => t is not null)
            .Select(t => t!.Value)
            .ToList();
        return times.Count == 0 ? null : new HtmlTimeline(times.Min(), times.Max());
    }

    public DateTimeOffset Start => _start;

    public DateTimeOffset End => _end;

    /// <summary>Whether the cause has anything to draw.</summary>
    public static bool HasTimes(ReportedCause cause) =>
        cause.FirstSeen is not null || cause.Evidence.Any(e => e.Time is not null);

    public void Write(ReportedCause cause, TextWriter o)
    {
        var label = $"Timeline of {cause.Cause}: {cause.Evidence.Count(e => e.Time is not null)} evidence line(s) between {Label(_start)} and {Label(_end)}";
        o.WriteLine($"""<svg class="timeline sev-{HtmlText.Token(cause.Severity)}" viewBox="0 0 {Width} {Height}" width="100%" role="img" aria-label="{HtmlText.Escape(label)}">""");
        o.WriteLine($"""<title>{HtmlText.Escape(label)}</title>""");
        o.WriteLine($"""<line class="axis" x1="{Left}" y1="{AxisY}" x2="{Right}" y2="{AxisY}" stroke="#8a8f98" stroke-width="1"/>""");
        o.WriteLine($"""<line class="axis" x1="{Left}" y1="{AxisY - 4}" x2="{Left}" y2="{AxisY + 4}" stroke="#8a8f98" stroke-width="1"/>""");
        o.WriteLine($"""<line class="axis" x1="{Right}" y1="{AxisY - 4}" x2="{Right}" y2="{AxisY + 4}" stroke="#8a8f98" stroke-width="1"/>""");

        if (cause.FirstSeen is { } first && cause.LastSeen is { } last)
        {
            var x1 = X(first);
            var x2 = Math.Max(X(last), x1 + 2);
            o.WriteLine($"""<rect class="span" x="{F(x1 - 1)}" y="{AxisY - 14}" width="{F(x2 - x1 + 2)}" height="18" rx="3" fill="currentColor" fill-opacity="0.15"><title>{HtmlText.Escape($"{cause.Count} signal(s): {ReportTime.Span(first, last)}")}</title></rect>""");
        }
        foreach (var e in cause.Evidence.Where(e => e.Time is not null))
        {
            var x = X(e.Time!.Value);
            o.WriteLine($"""<line class="mark" x1="{F(x)}" y1="{AxisY - 18}" x2="{F(x)}" y2="{AxisY + 2}" stroke="currentColor" stroke-width="2" stroke-opacity="0.8"><title>{HtmlText.Escape($"{e.Input}:{e.Line} {ReportTime.Format(e.Time)}")}</title></line>""");
        }

        if (_end > _start)
        {
            o.WriteLine($"""<text x="{Left}" y="{Height - 4}" font-size="11" text-anchor="start" fill="#6b7079">{HtmlText.Escape(Label(_start))}</text>""");
            o.WriteLine($"""<text x="{Width / 2}" y="{Height - 4}" font-size="11" text-anchor="middle" fill="#6b7079">{HtmlText.Escape(Duration(_end - _start))}</text>""");
            o.WriteLine($"""<text x="{Right}" y="{Height - 4}" font-size="11" text-anchor="end" fill="#6b7079">{HtmlText.Escape(Label(_end))}</text>""");
        }
        else
        {
            o.WriteLine($"""<text x="{Width / 2}" y="{Height - 4}" font-size="11" text-anchor="middle" fill="#6b7079">{HtmlText.Escape(Label(_start))}</text>""");
        }
        o.WriteLine("</svg>");
    }

    /// <summary>Every line at one instant is drawn in the middle.</summary>
    private double X(DateTimeOffset time)
    {
        var span = (_end - _start).Ticks;
        if (span <= 0)
            return Width / 2.0;
        var share = (double)(time - _start).Ticks / span;
        return Left + Math.Clamp(share, 0, 1) * (Right - Left);
    }

    private static string Label(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string Duration(TimeSpan d) =>
        d.TotalSeconds < 1 ? $"{F(d.TotalMilliseconds)} ms"
        : d.TotalMinutes < 1 ? $"{d.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s"
        : d.TotalHours < 1 ? $"{(int)d.TotalMinutes} min {d.Seconds} s"
        : d.TotalDays < 1 ? $"{(int)d.TotalHours} h {d.Minutes} min"
        : $"{(int)d.TotalDays} d {d.Hours} h";

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
