namespace LogTriage.Report;

/// <summary>The terminal report: the ranked causes first, evidence indented, then what was read.</summary>
public sealed class TextReportRenderer : IReportRenderer
{
    public string Format => "text";

    public void Render(CauseReport report, TextWriter o)
    {
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
                foreach (var line in Wrap(c.Diagnosis, 90))
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
