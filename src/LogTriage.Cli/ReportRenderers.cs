using LogTriage.Report;

namespace LogTriage.Cli;

/// <summary>The output formats <c>--format</c> accepts.</summary>
public static class ReportRenderers
{
    public static IReadOnlyList<IReportRenderer> All { get; } =
        [new TextReportRenderer(), new JsonReportRenderer(), new JsonReportRenderer(indented: false, format: "jsonl"), new MarkdownReportRenderer(),
         new HtmlReportRenderer(), new CsvReportRenderer(), new PrometheusReportRenderer()];

    public static IReportRenderer Find(string format) =>
        All.FirstOrDefault(r => r.Format == format || (format == "md" && r.Format == "markdown"))
        ?? throw new UsageException($"unknown format '{format}' (expected {string.Join(", ", All.Select(r => r.Format))})");
}
