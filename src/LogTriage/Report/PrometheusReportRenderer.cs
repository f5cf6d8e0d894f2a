using System.Globalization;
using System.Text;

namespace LogTriage.Report;

/// <summary>
/// The report as Prometheus text exposition (the node_exporter textfile collector's format), so a
/// cron scan writing <c>logtriage.prom</c> feeds alerts: per cause and severity its signal count
/// and confidence, the number of causes per severity (every severity present, zeros included, so
/// an alert sees a cause disappear), the lines and bytes read and the time of the scan.
/// </summary>
public sealed class PrometheusReportRenderer : IReportRenderer
{
    private static readonly string[] Severities = ["info", "warning", "error", "critical"];

    public string Format => "prometheus";

    public void Render(CauseReport report, TextWriter output)
    {
        var all = report.Causes.Concat(report.Context).ToList();

        Family(output, "logtriage_cause_signals", "Signals of each likely cause found by the last scan.");
        foreach (var cause in all)
            Sample(output, "logtriage_cause_signals", Labels(("cause", cause.Cause), ("severity", cause.Severity)), cause.Count);

        Family(output, "logtriage_cause_confidence", "Confidence (0 to 1) of each likely cause found by the last scan.");
        foreach (var cause in all)
            Sample(output, "logtriage_cause_confidence", Labels(("cause", cause.Cause), ("severity", cause.Severity)), cause.Confidence);

        Family(output, "logtriage_causes", "Number of likely causes at each severity in the last scan.");
        foreach (var severity in Severities)
            Sample(output, "logtriage_causes", Labels(("severity", severity)), all.Count(c => c.Severity == severity));

        Family(output, "logtriage_lines_read", "Lines read by the last scan.");
        Sample(output, "logtriage_lines_read", "", report.Inputs.Sum(i => i.Lines));

        Family(output, "logtriage_bytes_read", "Bytes read by the last scan.");
        Sample(output, "logtriage_bytes_read", "", report.Inputs.Sum(i => i.Bytes));

        Family(output, "logtriage_inputs_unreadable", "Inputs the last scan could not read completely.");
        Sample(output, "logtriage_inputs_unreadable", "", report.Inputs.Count(i => i.Error is not null));

        Family(output, "logtriage_last_scan_timestamp_seconds", "When the last scan ran, in seconds since the Unix epoch.");
        Sample(output, "logtriage_last_scan_timestamp_seconds", "", report.GeneratedAt.ToUnixTimeMilliseconds() / 1000.0);
    }

    private static void Family(TextWriter output, string name, string help)
    {
        output.Write($"# HELP {name} {help}\n");
        output.Write($"# TYPE {name} gauge\n");
    }

    private static void Sample(TextWriter output, string name, string labels, double value) =>
        output.Write($"{name}{labels} {value.ToString("R", CultureInfo.InvariantCulture)}\n");

    private static string Labels(params (string Name, string Value)[] labels) =>
        "{" + string.Join(",", labels.Select(l => $"{l.Name}=\"{Escape(l.Value)}\"")) + "}";

    /// <summary>Label values escape backslash, double quote and line feed, as the exposition format says.</summary>
    private static string Escape(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (var c in value)
            text.Append(c switch { '\\' => "\\\\", '"' => "\\\"", '\n' => "\\n", _ => c.ToString() });
        return text.ToString();
    }
}
