namespace LogTriage.Report;

/// <summary>A Markdown report for tickets: headings per cause, evidence in fenced blocks.</summary>
public sealed class MarkdownReportRenderer : IReportRenderer
{
    public string Format => "markdown";

    public void Render(CauseReport report, TextWriter o)
    {
        o.WriteLine("# LogTriage report");
        o.WriteLine();
        if (report.Causes.Count == 0)
        {
            o.WriteLine("No known cause of client disconnects was found.");
        }
        else
        {
            var top = report.Causes[0];
            o.WriteLine($"**Most likely cause:** {top.Title} (`{top.Cause}`, {top.Severity}, confidence {top.Confidence:0.00}). {top.Summary}");
            if (top.Fix.Count > 0)
            {
                o.WriteLine();
                o.WriteLine($"**First thing to do:** {Escape(top.Fix[0])}");
            }
            o.WriteLine();
            o.WriteLine("| # | cause | severity | confidence | signals | first seen | last seen |");
            o.WriteLine("|---|---|---|---|---|---|---|");
            var rank = 0;
            foreach (var c in report.Causes)
                o.WriteLine($"| {++rank} | {Escape(c.Title)} (`{c.Cause}`) | {c.Severity} | {c.Confidence:0.00} | {c.Count} | {ReportTime.Format(c.FirstSeen) ?? "-"} | {ReportTime.Format(c.LastSeen) ?? "-"} |");

            rank = 0;
            foreach (var c in report.Causes)
            {
                o.WriteLine();
                o.WriteLine($"## {++rank}. {c.Title} (`{c.Cause}`)");
                o.WriteLine();
                o.WriteLine(c.Summary);
                o.WriteLine();
                o.WriteLine($"- Severity: **{c.Severity}**, confidence {c.Confidence:0.00}, {c.Count} signal(s)");
                o.WriteLine($"- Time: {ReportTime.Span(c.FirstSeen, c.LastSeen)}");
                o.WriteLine($"- Rules: {string.Join(", ", c.Rules.Select(r => $"`{r}`"))}");
                if (c.ExplainedBy.Count > 0)
                    o.WriteLine($"- Probably a consequence of: {string.Join(", ", c.ExplainedBy.Select(x => $"`{x}`"))}");
                if (c.Connections.Count > 0)
                    o.WriteLine($"- Connections: {Escape(string.Join("; ", c.Connections.Take(10)))}{(c.Connections.Count > 10 ? $" (+{c.Connections.Count - 10} more)" : "")}");
                o.WriteLine();
                o.WriteLine("Evidence:");
                o.WriteLine();
                o.WriteLine("```text");
                foreach (var e in c.Evidence)
                    o.WriteLine($"{e.Input}:{e.Line}: {e.Text.Replace("```", "'''")}");
                o.WriteLine("```");
                o.WriteLine();
                o.WriteLine("**What to check.** " + c.Diagnosis.Replace('\n', ' '));
                o.WriteLine();
                o.WriteLine("**What to do:**");
                o.WriteLine();
                var step = 0;
                foreach (var fix in c.Fix)
                    o.WriteLine($"{++step}. {fix}");
                if (c.Why is not null)
                {
                    o.WriteLine();
                    o.WriteLine("*Why this works:* " + c.Why.Replace('\n', ' '));
                }
            }
        }

        if (report.Context.Count > 0)
        {
            o.WriteLine();
            o.WriteLine("## Also seen");
            o.WriteLine();
            foreach (var c in report.Context)
                o.WriteLine($"- {Escape(c.SignalTitle)} (`{c.Cause}`): {c.Count} line(s), {ReportTime.Span(c.FirstSeen, c.LastSeen)}");
        }

        if (report.Unrecognised.Count > 0)
        {
            o.WriteLine();
            o.WriteLine("## Not recognised");
            o.WriteLine();
            o.WriteLine("Warnings and errors no rule knows, grouped by template:");
            o.WriteLine();
            o.WriteLine("| count | level | template | example |");
            o.WriteLine("|---|---|---|---|");
            foreach (var u in report.Unrecognised)
                o.WriteLine($"| {u.Count} | {u.Level} | `{Escape(u.Template).Replace("`", "'")}` | {Escape(u.Example.Input)}:{u.Example.Line} |");
        }

        o.WriteLine();
        o.WriteLine("## Inputs");
        o.WriteLine();
        o.WriteLine("| input | format | lines | bytes | not understood | first event (UTC) | last event (UTC) |");
        o.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var i in report.Inputs)
            o.WriteLine($"| {Escape(i.Name)} | {i.Format} | {i.Lines} | {i.Bytes} | {i.Unparsed} | {ReportTime.Format(i.FirstTime) ?? "-"} | {ReportTime.Format(i.LastTime) ?? "-"} |");
        foreach (var w in report.Warnings)
        {
            o.WriteLine();
            o.WriteLine($"> **Warning:** {Escape(w)}");
        }

        o.WriteLine();
        o.WriteLine("## About this report");
        o.WriteLine();
        o.WriteLine($"- Made by {report.ToolName} {report.ToolVersion}{(report.RuleSetHash is { } hash ? $", rule set `{hash}`" : "")}, {ReportTime.Format(report.GeneratedAt)}; all times are UTC.");
        if (report.CommandLine is { } command)
            o.WriteLine($"- Command: `{command.Replace("`", "'")}`");
        o.WriteLine(report.Redactions is { } removed
            ? $"- Secrets (passwords, tokens, JWTs, nkey seeds, credentials) are removed: {removed} in this report."
            : "- Secrets were NOT removed (`--no-redact`): check this report before sharing it.");
    }

    private static string Escape(string s) => s.Replace("|", "\\|");
}
