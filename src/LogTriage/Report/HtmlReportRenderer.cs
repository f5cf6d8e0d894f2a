using System.Globalization;

namespace LogTriage.Report;

/// <summary>
/// The report as one self-contained HTML5 page, to attach to a ticket or open offline: inline CSS,
/// inline SVG timelines, no script, font, image or any other external reference. Everything that
/// comes from a log is escaped. The markup is also well-formed XML.
/// </summary>
public sealed class HtmlReportRenderer : IReportRenderer
{
    /// <summary>Connections listed before the rest are folded away.</summary>
    private const int VisibleConnections = 10;

    public string Format => "html";

    public void Render(CauseReport report, TextWriter o)
    {
        var timeline = HtmlTimeline.For(report);
        var present = report.Causes.Select(c => c.Cause).ToHashSet(StringComparer.Ordinal);
        var top = report.Causes.Count > 0 ? report.Causes[0] : null;

        o.WriteLine("<!DOCTYPE html>");
        o.WriteLine("""<html lang="en">""");
        o.WriteLine("<head>");
        o.WriteLine("""<meta charset="utf-8"/>""");
        o.WriteLine("""<meta name="viewport" content="width=device-width, initial-scale=1"/>""");
        o.WriteLine("""<meta name="generator" content="logtriage"/>""");
        o.WriteLine($"<title>{E(top is null ? "LogTriage report: no known cause" : $"LogTriage report: {top.Title}")}</title>");
        o.WriteLine("<style>");
        o.WriteLine(HtmlStyle.Css);
        o.WriteLine("</style>");
        o.WriteLine("</head>");
        o.WriteLine("<body>");
        o.WriteLine("""<header class="page">""");
        // The headline is the answer, so a ticket reader who stops there still knows what to do.
        o.WriteLine(top is null
            ? "<h1>No known cause of NATS client disconnects in these logs</h1>"
            : $"""<h1>Likely cause of the NATS client disconnects: <a href="#{HtmlText.Anchor(top.Cause)}">{E(top.Title)}</a></h1>""");
        if (top is { Fix.Count: > 0 })
            o.WriteLine($"""<p class="first-step">First thing to do: {E(top.Fix[0])}</p>""");
        o.WriteLine($"""<p class="meta">LogTriage report, generated {Time(report.GeneratedAt)} by {E(report.ToolName)} {E(report.ToolVersion)}. All times are UTC.</p>""");
        o.WriteLine("</header>");
        o.WriteLine("<main>");

        WriteSummary(report, top, timeline, o);
        var rank = 0;
        foreach (var cause in report.Causes)
            WriteCause(cause, ++rank, timeline, present, o);
        WriteContext(report, o);
        WriteWarnings(report, o);
        WriteUnrecognised(report, o);

        o.WriteLine("</main>");
        o.WriteLine("""<footer class="page">""");
        o.WriteLine($"<p>{E(report.ToolName)} {E(report.ToolVersion)}. Evidence lines are a sample of each cause's signals: the first, the last and the most telling. Text from the logs is shown as read, after redaction.</p>");
        o.WriteLine("</footer>");
        o.WriteLine("</body>");
        o.WriteLine("</html>");
    }

    private static void WriteSummary(CauseReport report, ReportedCause? top, HtmlTimeline? timeline, TextWriter o)
    {
        o.WriteLine("""<section id="summary">""");
        if (top is null)
        {
            o.WriteLine("""<p class="verdict">No known cause of client disconnects was found in these logs.</p>""");
        }
        else
        {
            o.WriteLine($"""<p class="verdict sev-{HtmlText.Token(top.Severity)}">Most likely root cause: <strong><a href="#{HtmlText.Anchor(top.Cause)}">{E(top.Title)}</a></strong>. {E(top.Summary)}</p>""");
            o.WriteLine("""<dl class="facts">""");
            o.WriteLine($"<dt>Confidence</dt><dd>{Confidence(top.Confidence)}</dd>");
            o.WriteLine($"<dt>Severity</dt><dd>{Badge(top.Severity)}</dd>");
            o.WriteLine($"<dt>Cause seen</dt><dd>{Span(top.FirstSeen, top.LastSeen)}</dd>");
            if (timeline is not null)
                o.WriteLine($"<dt>Logs span</dt><dd>{Span(timeline.Start, timeline.End)}</dd>");
            o.WriteLine($"<dt>Causes found</dt><dd>{report.Causes.Count}{(report.Context.Count > 0 ? $", and {report.Context.Count} other signal(s) seen as context" : "")}</dd>");
            o.WriteLine($"<dt>Made by</dt><dd>{E(report.ToolName)} {E(report.ToolVersion)}{(report.RuleSetHash is { } hash ? $", rule set {E(hash)}" : "")}; times in UTC</dd>");
            if (report.CommandLine is { } command)
                o.WriteLine($"<dt>Command</dt><dd><code>{E(command)}</code></dd>");
            o.WriteLine(report.Redactions is { } removed
                ? $"<dt>Secrets</dt><dd>{removed} removed from this page</dd>"
                : "<dt>Secrets</dt><dd>not removed (--no-redact): check before sharing</dd>");
            if (report.Warnings.Count > 0)
                o.WriteLine($"""<dt>Warnings</dt><dd><a href="#warnings">{report.Warnings.Count} warning(s)</a> about the inputs</dd>""");
            o.WriteLine("</dl>");

            o.WriteLine("<h2>Causes, most likely first</h2>");
            o.WriteLine("""<div class="table-wrap"><table>""");
            o.WriteLine("""<thead><tr><th class="num">#</th><th>cause</th><th>severity</th><th class="num">confidence</th><th class="num">signals</th><th>first seen</th><th>last seen</th></tr></thead>""");
            o.WriteLine("<tbody>");
            var rank = 0;
            foreach (var c in report.Causes)
                o.WriteLine($"""<tr><td class="num">{++rank}</td><td><a href="#{HtmlText.Anchor(c.Cause)}">{E(c.Title)}</a> <code>{E(c.Cause)}</code></td><td>{Badge(c.Severity)}</td><td class="num">{HtmlText.Number(c.Confidence, "0.00")}</td><td class="num">{HtmlText.Number(c.Count)}</td><td>{Time(c.FirstSeen)}</td><td>{Time(c.LastSeen)}</td></tr>""");
            o.WriteLine("</tbody></table></div>");
        }

        o.WriteLine("<h2>Inputs</h2>");
        o.WriteLine("""<div class="table-wrap"><table>""");
        o.WriteLine("""<thead><tr><th>input</th><th>format</th><th class="num">lines</th><th class="num">bytes</th><th class="num">not understood</th></tr></thead>""");
        o.WriteLine("<tbody>");
        foreach (var i in report.Inputs)
        {
            var notes = i.Error is null ? "" : $"""<br/><span class="muted">error: {E(i.Error)}</span>""";
            if (i.TruncatedLines > 0)
                notes += $"""<br/><span class="muted">{HtmlText.Number(i.TruncatedLines)} line(s) cut at the maximum length</span>""";
            if (i.FirstTime is { } first)
                notes += $"""<br/><span class="muted">{E(ReportTime.Format(first) ?? "")} to {E(ReportTime.Format(i.LastTime ?? first) ?? "")}</span>""";
            o.WriteLine($"""<tr><td class="mono">{E(i.Name)}{notes}</td><td>{E(i.Format)}</td><td class="num">{HtmlText.Number(i.Lines)}</td><td class="num">{HtmlText.Number(i.Bytes)}</td><td class="num">{HtmlText.Number(i.Unparsed)}</td></tr>""");
        }
        o.WriteLine("</tbody></table></div>");
        o.WriteLine("</section>");
    }

    private static void WriteCause(ReportedCause c, int rank, HtmlTimeline? timeline, HashSet<string> present, TextWriter o)
    {
        o.WriteLine($"""<section class="cause" id="{HtmlText.Anchor(c.Cause)}">""");
        o.WriteLine($"""<h2><span class="rank">{rank}.</span> {E(c.Title)} <code>{E(c.Cause)}</code> {Badge(c.Severity)}</h2>""");
        o.WriteLine($"<p>{E(c.Summary)}</p>");

        o.WriteLine("""<dl class="facts">""");
        o.WriteLine($"<dt>Confidence</dt><dd>{Confidence(c.Confidence)}</dd>");
        o.WriteLine($"<dt>Signals</dt><dd>{HtmlText.Number(c.Count)} ({c.Evidence.Count} shown below)</dd>");
        o.WriteLine($"<dt>First seen</dt><dd>{Time(c.FirstSeen)}</dd>");
        o.WriteLine($"<dt>Last seen</dt><dd>{Time(c.LastSeen)}</dd>");
        o.WriteLine($"<dt>Rules</dt><dd>{string.Join(", ", c.Rules.Select(r => $"<code>{E(r)}</code>"))}</dd>");
        if (c.ExplainedBy.Count > 0)
            o.WriteLine($"<dt>Probably a consequence of</dt><dd>{CauseLinks(c.ExplainedBy, present)}</dd>");
        if (c.Explains.Count > 0)
            o.WriteLine($"<dt>Probably explains</dt><dd>{CauseLinks(c.Explains, present)}</dd>");
        if (c.Connections.Count > 0)
            o.WriteLine($"<dt>Connections</dt><dd>{Connections(c.Connections)}</dd>");
        o.WriteLine("</dl>");

        if (timeline is not null && HtmlTimeline.HasTimes(c))
            timeline.Write(c, o);
        else
            o.WriteLine("""<p class="muted">No time stamps on this cause's lines, so no timeline.</p>""");

        o.WriteLine("<h3>Evidence</h3>");
        foreach (var e in c.Evidence)
        {
            o.WriteLine("""<div class="ev">""");
            var time = e.Time is null ? "" : $""" · {Time(e.Time)}""";
            var rule = e.Rule.Length == 0 ? "" : $""" · <span title="{E(e.RuleTitle)}">{E(e.Rule)}</span>""";
            o.WriteLine($"""<p class="ev-meta"><span class="loc">{E(e.Input)}:{e.Line.ToString(CultureInfo.InvariantCulture)}</span>{time}{rule}</p>""");
            // The lines around it, dimmed: what led up to the evidence and what followed.
            var before = string.Concat(e.Before.Select(l => $"<span class=\"ctx\">{E(l)}</span>\n"));
            var after = string.Concat(e.After.Select(l => $"\n<span class=\"ctx\">{E(l)}</span>"));
            o.WriteLine($"<pre>{before}<span class=\"hit\">{E(e.Text)}</span>{after}</pre>");
            o.WriteLine("</div>");
        }

        o.WriteLine("<h3>What to check</h3>");
        foreach (var paragraph in HtmlText.Paragraphs(c.Diagnosis))
            o.WriteLine($"<p>{HtmlText.Prose(paragraph)}</p>");
        if (c.Fix.Count > 0)
        {
            o.WriteLine("<h3>What to do</h3>");
            o.WriteLine("""<ol class="fix">""");
            foreach (var fix in c.Fix)
                o.WriteLine($"<li>{HtmlText.Prose(string.Join(' ', HtmlText.Paragraphs(fix)))}</li>");
            o.WriteLine("</ol>");
        }
        if (c.Why is not null)
            o.WriteLine($"""<p class="why"><strong>Why this works:</strong> {HtmlText.Prose(string.Join(' ', HtmlText.Paragraphs(c.Why)))}</p>""");
        o.WriteLine("</section>");
    }

    private static void WriteContext(CauseReport report, TextWriter o)
    {
        if (report.Context.Count == 0)
            return;
        o.WriteLine("""<section id="context">""");
        o.WriteLine("<h2>Also seen</h2>");
        o.WriteLine("""<p class="muted">Signals that are context, not a cause of disconnects by themselves.</p>""");
        o.WriteLine("""<div class="table-wrap"><table>""");
        o.WriteLine("""<thead><tr><th>signal</th><th class="num">lines</th><th>time</th><th>example</th></tr></thead>""");
        o.WriteLine("<tbody>");
        foreach (var c in report.Context)
        {
            var example = c.Evidence.Count == 0 ? "" : $"""<span class="mono">{E(c.Evidence[0].Input)}:{c.Evidence[0].Line.ToString(CultureInfo.InvariantCulture)}</span>""";
            o.WriteLine($"""<tr><td>{E(c.SignalTitle)} <code>{E(c.Cause)}</code></td><td class="num">{HtmlText.Number(c.Count)}</td><td>{Span(c.FirstSeen, c.LastSeen)}</td><td>{example}</td></tr>""");
        }
        o.WriteLine("</tbody></table></div>");
        o.WriteLine("</section>");
    }

    private static void WriteWarnings(CauseReport report, TextWriter o)
    {
        if (report.Warnings.Count == 0)
            return;
        o.WriteLine("""<section id="warnings">""");
        o.WriteLine("<h2>Warnings</h2>");
        foreach (var w in report.Warnings)
            o.WriteLine($"""<p class="warning">{E(w)}</p>""");
        o.WriteLine("</section>");
    }

    private static void WriteUnrecognised(CauseReport report, TextWriter o)
    {
        if (report.Unrecognised.Count == 0)
            return;
        o.WriteLine("""<section id="unrecognised">""");
        o.WriteLine("<h2>Not recognised</h2>");
        o.WriteLine("""<p class="muted">Warnings and errors no rule knows, grouped by template. One of them may be the cause nobody has written a rule for yet.</p>""");
        foreach (var u in report.Unrecognised)
        {
            o.WriteLine("""<div class="ev">""");
            o.WriteLine($"""<p class="ev-meta"><span class="loc">{HtmlText.Number(u.Count)} × [{E(u.Level)}]</span> · {Span(u.FirstSeen, u.LastSeen)} · e.g. {E(u.Example.Input)}:{u.Example.Line.ToString(CultureInfo.InvariantCulture)}</p>""");
            o.WriteLine($"<pre>{E(u.Template)}</pre>");
            o.WriteLine("</div>");
        }
        o.WriteLine("</section>");
    }

    private static string Connections(IReadOnlyList<string> connections)
    {
        var shown = string.Join("", connections.Take(VisibleConnections).Select(c => $"<li>{E(c)}</li>"));
        var list = $"""<ul class="plain mono">{shown}</ul>""";
        if (connections.Count <= VisibleConnections)
            return list;
        var rest = string.Join("", connections.Skip(VisibleConnections).Select(c => $"<li>{E(c)}</li>"));
        return list + $"""<details><summary>{connections.Count - VisibleConnections} more</summary><ul class="plain mono">{rest}</ul></details>""";
    }

    private static string CauseLinks(IEnumerable<string> causes, HashSet<string> present) =>
        string.Join(", ", causes.Select(x => present.Contains(x)
            ? $"""<a href="#{HtmlText.Anchor(x)}"><code>{E(x)}</code></a>"""
            : $"<code>{E(x)}</code>"));

    private static string Confidence(double confidence) =>
        $"{HtmlText.Number(confidence, "0.00")} <span class=\"muted\">({HtmlText.Number(confidence * 100, "0")} %)</span>";

    private static string Badge(string severity) => $"""<span class="badge sev-{HtmlText.Token(severity)}">{E(severity)}</span>""";

    private static string Time(DateTimeOffset? time) =>
        time is null ? "<span class=\"muted\">unknown</span>"
        // HTML's datetime takes at most milliseconds; the text keeps the log's microseconds.
        : $"""<time datetime="{time.Value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)}">{ReportTime.Format(time)}</time>""";

    private static string Span(DateTimeOffset? first, DateTimeOffset? last)
    {
        if (first is null || last is null)
            return Time(first ?? last);
        if (first == last)
            return Time(first);
        return $"{Time(first)} – {Time(last)} <span class=\"muted\">({HtmlTimeline.Duration(last.Value - first.Value)})</span>";
    }

    private static string E(string? text) => HtmlText.Escape(text);
}
