namespace LogTriage.Report;

/// <summary>
/// The terminal report. By default one screen: per cause a headline, the three most telling
/// evidence lines (distinct kinds of line, the first as ranked first), the diagnosis in two lines
/// and the first fix, every line cut to the terminal's width. With <paramref name="details"/>,
/// everything: all evidence, the whole diagnosis and every fix.
/// </summary>
public sealed class TextReportRenderer(bool details = true, int width = 100, bool colour = false) : IReportRenderer
{
    private const int ShownEvidence = 3;

    public string Format => "text";

    public void Render(CauseReport report, TextWriter o)
    {
        if (!details)
        {
            RenderSummary(report, o);
            return;
        }
        if (report.Causes.Count == 0)
        {
            o.WriteLine("No known cause of client disconnects was found.");
        }
        else
        {
            o.WriteLine($"Likely causes of client disconnects, most likely first ({report.Causes.Count}):");
            var rank = 0;
            foreach (var c in report.Causes)
            {
                rank++;
                o.WriteLine();
                o.WriteLine($"{rank}. [{c.Severity.ToUpperInvariant()}] {c.Title} ({c.Cause}), confidence {c.Confidence:0.00}");
                o.WriteLine($"   {c.Summary}");
                o.WriteLine($"   {c.Count} signal(s), {ReportTime.Span(c.FirstSeen, c.LastSeen)}; rules: {string.Join(", ", c.Rules)}");
                if (c.ExplainedBy.Count > 0)
                    o.WriteLine($"   Probably a consequence of: {string.Join(", ", c.ExplainedBy)}");
                if (c.Connections.Count > 0)
                    o.WriteLine($"   Connections: {string.Join("; ", c.Connections.Take(5))}{(c.Connections.Count > 5 ? $" (+{c.Connections.Count - 5} more)" : "")}");
                o.WriteLine("   Evidence:");
                foreach (var e in c.Evidence)
                {
                    var lines = e.Text.Split('\n');
                    o.WriteLine($"     {e.Input}:{e.Line}  {lines[0]}");
                    foreach (var more in lines.Skip(1).Take(6))
                        o.WriteLine($"       {more}");
                    if (lines.Length > 7)
                        o.WriteLine($"       ... ({lines.Length - 7} more lines)");
                }
                o.WriteLine("   What to check:");
                foreach (var line in Wrap(c.Diagnosis, Math.Max(40, width - 6)))
                    o.WriteLine($"     {line}");
                o.WriteLine("   What to do:");
                var step = 0;
                foreach (var fix in c.Fix)
                    o.WriteLine($"     {++step}. {fix}");
            }
        }

        if (report.Context.Count > 0)
        {
            o.WriteLine();
            o.WriteLine("Also seen (context, not a cause by itself):");
            foreach (var c in report.Context)
                o.WriteLine($"  - {c.SignalTitle} ({c.Cause}): {c.Count} line(s), {ReportTime.Span(c.FirstSeen, c.LastSeen)}");
        }

        if (report.Unrecognised.Count > 0)
        {
            o.WriteLine();
            o.WriteLine("Warnings and errors no rule recognised (grouped by template):");
            foreach (var u in report.Unrecognised)
            {
                o.WriteLine($"  {u.Count,6} x [{u.Level}] {u.Template}");
                o.WriteLine($"           e.g. {u.Example.Input}:{u.Example.Line}  {u.Example.Text.Split('\n')[0]}");
            }
        }

        o.WriteLine();
        o.WriteLine("Inputs:");
        foreach (var i in report.Inputs)
            o.WriteLine($"  {i.Name}: {i.Format}, {i.Lines} lines, {i.Bytes} bytes, {i.Unparsed} not understood{(i.Error is null ? "" : $", error: {i.Error}")}");
        foreach (var w in report.Warnings)
            o.WriteLine($"Warning: {w}");
    }

    private void RenderSummary(CauseReport report, TextWriter o)
    {
        if (report.Causes.Count == 0)
            o.WriteLine(Fit("No known cause of client disconnects was found."));
        else
            o.WriteLine(Fit($"Likely causes of client disconnects, most likely first ({report.Causes.Count}):"));
        var labels = new InputLabels(report.Inputs.Select(i => i.Name));
        var rank = 0;
        foreach (var c in report.Causes)
        {
            rank++;
            o.WriteLine();
            var prefix = $"{rank}. ";
            var headline = Fit($"{prefix}{c.Severity.ToUpperInvariant()} {c.Title} ({c.Cause}), confidence {c.Confidence:0.00}");
            var word = c.Severity.Length;
            o.WriteLine(headline[..prefix.Length] + Paint(headline.Substring(prefix.Length, Math.Min(word, headline.Length - prefix.Length)), c.Severity)
                + headline[Math.Min(headline.Length, prefix.Length + word)..]);
            var inputs = c.Inputs.Count > 0 ? c.Inputs.Count : c.Evidence.Select(e => e.Input).Distinct().Count();
            var span = ShortSpan(c.FirstSeen, c.LastSeen);
            var scope = c.Connections.Count > 0 ? $", {c.Connections.Count} connection(s)" : "";
            // A few inputs are named, so a fleet's report says which servers a cause touches.
            var which = c.Inputs.Count is > 1 and <= 3 ? $"; in {string.Join(", ", c.Inputs.Select(labels.Of))}" : "";
            o.WriteLine(Fit($"   {c.Count} signal(s), {span}, {inputs} input(s){scope}{which}"
                + (c.ExplainedBy.Count > 0 ? $"; probably a consequence of {string.Join(", ", c.ExplainedBy)}" : "")
                + (c.Explains.Count > 0 ? $"; explains {string.Join(", ", c.Explains)}" : "")));
            var shown = TellingEvidence(c.Evidence).ToList();
            foreach (var (e, alike) in shown)
            {
                // With one input its name says nothing the footer does not, and costs the message its middle.
                var where = report.Inputs.Count == 1 ? $"{e.Line}:" : $"{labels.Of(e.Input)}:{e.Line}";
                o.WriteLine(Fit($"   > {where}  {Message(e)}" + (alike > 1 ? $" (x{alike} like this)" : ""), middle: true));
            }
            var rest = c.Evidence.Count - shown.Sum(s => s.Alike);
            if (rest > 0)
                o.WriteLine(Fit($"   ... {rest} more evidence line(s): --details"));
            TwoLines(o, "Why:", c.Diagnosis);
            if (c.Fix.Count > 0)
                TwoLines(o, "Fix:", c.Fix[0]);
        }

        if (report.Context.Count > 0)
        {
            o.WriteLine();
            o.WriteLine("Context (normal lifecycle and minor signals, not causes):");
            foreach (var c in report.Context.Take(5))
                o.WriteLine(Fit($"  - {c.SignalTitle}: {c.Count} line(s), {ShortSpan(c.FirstSeen, c.LastSeen)}"));
            if (report.Context.Count > 5)
                o.WriteLine($"  ... {report.Context.Count - 5} more: --details");
        }
        if (report.Unrecognised.Count > 0)
        {
            o.WriteLine();
            o.WriteLine("Warnings and errors no rule recognised:");
            foreach (var u in report.Unrecognised.Take(3))
                o.WriteLine(Fit($"  {u.Count,5} x [{u.Level}] {u.Template}"));
            if (report.Unrecognised.Count > 3)
                o.WriteLine($"  ... {report.Unrecognised.Count - 3} more kinds: --details");
        }

        o.WriteLine();
        foreach (var i in report.Inputs)
            o.WriteLine(Fit($"Read {i.Name}: {i.Format}, {i.Lines} lines{(i.Error is null ? "" : $", error: {i.Error}")}"));
        foreach (var w in report.Warnings)
            o.WriteLine(Fit($"Warning: {w}"));
    }

    /// <summary>A text in at most two wrapped lines under its label, "..." when there is more.</summary>
    private void TwoLines(TextWriter o, string label, string text)
    {
        var lines = Wrap(text, Math.Max(30, width - 13)).ToList();
        for (var i = 0; i < Math.Min(2, lines.Count); i++)
            o.WriteLine(Fit((i == 0 ? $"   {label} " : "        ") + lines[i] + (i == 1 && lines.Count > 2 ? " ..." : "")));
    }

    /// <summary>
    /// Up to three lines that tell the story: the most telling line as ranked (the strongest rule's
    /// first), the latest line of that rule when it differs, then the next rules' lines as ranked;
    /// each of a different kind (the text with its numbers, times and addresses taken out), with
    /// how many listed lines were of its kind.
    /// </summary>
    private static IEnumerable<(ReportedEvidence Evidence, int Alike)> TellingEvidence(IReadOnlyList<ReportedEvidence> evidence)
    {
        if (evidence.Count == 0)
            return [];
        var kinds = evidence.GroupBy(Kind).ToDictionary(g => g.Key, g => g.Count());
        var root = evidence[0];
        var latest = evidence.Where(e => e.Rule == root.Rule && e.Time is not null).MaxBy(e => e.Time);
        var candidates = new List<ReportedEvidence> { root };
        if (latest is not null)
            candidates.Add(latest);
        candidates.AddRange(evidence.Skip(1));
        // Distinct by kind and by line: the latest line of a rule that fired once is the root itself.
        var chosen = candidates.Distinct().DistinctBy(Kind).Take(ShownEvidence).ToList();
        return chosen.Select(e => (e, kinds[Kind(e)]));
    }

    private static string Kind(ReportedEvidence e)
    {
        // The message as shown (without the connection's address, id and name), its numbers, times
        // and addresses taken out: one kind whichever rule matched it and whichever client it was.
        return System.Text.RegularExpressions.Regex.Replace(Message(e), @"[0-9a-fA-F]*[0-9][0-9a-fA-F:.\-/]*", "#");
    }

    /// <summary>
    /// An evidence line as a person scans it: its time of day, then the message without the
    /// server's pid/date/time/level header, which repeats on every line and would push the
    /// message past the edge.
    /// </summary>
    private static string Message(ReportedEvidence e)
    {
        var first = e.Text.Split('\n')[0].Trim();
        var header = ServerHeader.Match(first);
        if (!header.Success)
            return first;
        var time = e.Time is { } t ? t.UtcDateTime.ToString("HH:mm:ss ", System.Globalization.CultureInfo.InvariantCulture) : "";
        var message = first[header.Length..];
        // The connection prefix (address, cid, client name) is in the headline's count; the reason is what matters here.
        var connection = ConnectionPrefix.Match(message);
        return $"{time}[{header.Groups["level"].Value}] {(connection.Success ? message[connection.Length..] : message)}";
    }

    private static readonly System.Text.RegularExpressions.Regex ConnectionPrefix =
        new(@"^\S+ - [a-z]+:\d+ - (?:""[^""]*"" - )*", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private static readonly System.Text.RegularExpressions.Regex ServerHeader =
        new(@"^(?:.*?\s)?\[\d+\] \d{4}[/-]\d\d[/-]\d\d[ T]\d\d:\d\d:\d\d(?:\.\d+)? \[(?<level>[A-Z]{3})\] ", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private static string ShortSpan(DateTimeOffset? first, DateTimeOffset? last)
    {
        if (first is not { } f)
            return "time unknown";
        var from = f.UtcDateTime;
        var to = (last ?? f).UtcDateTime;
        var day = from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return from == to ? $"{day} {from:HH:mm:ss} UTC"
            : from.Date == to.Date ? $"{day} {from:HH:mm:ss} to {to:HH:mm:ss} UTC"
            : $"{day} {from:HH:mm:ss} to {to:yyyy-MM-dd HH:mm:ss} UTC";
    }

    /// <summary>A line cut to the width; a long evidence line loses its middle, so its start and end stay readable.</summary>
    private string Fit(string line, bool middle = false)
    {
        if (line.Length <= width)
            return line;
        if (!middle)
            return line[..(width - 3)] + "...";
        var head = (width - 3) * 2 / 3;
        var tail = width - 3 - head;
        return line[..head] + "..." + line[^tail..];
    }

    private string Paint(string text, string severity) => !colour ? text : severity switch
    {
        "critical" => $"\u001b[1;31m{text}\u001b[0m",
        "error" => $"\u001b[31m{text}\u001b[0m",
        "warning" => $"\u001b[33m{text}\u001b[0m",
        _ => text,
    };

    private static IEnumerable<string> Wrap(string text, int width)
    {
        // Texts from YAML block scalars are hard-wrapped: single line ends are spaces, blank lines paragraphs.
        foreach (var paragraph in text.Replace("\r", "").Split("\n\n"))
        {
            var line = new System.Text.StringBuilder();
            foreach (var word in paragraph.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries))
            {
                if (line.Length > 0 && line.Length + word.Length + 1 > width)
                {
                    yield return line.ToString();
                    line.Clear();
                }
                if (line.Length > 0)
                    line.Append(' ');
                line.Append(word);
            }
            if (line.Length > 0)
                yield return line.ToString();
        }
    }
}
