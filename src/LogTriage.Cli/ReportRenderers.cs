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

    /// <summary>The renderer for this analysis: the text report fits the terminal, one screen unless --details.</summary>
    public static IReportRenderer Find(AnalyzeSettings settings, Terminal terminal) =>
        settings.Format == "text"
            ? new TextReportRenderer(settings.Details, settings.OutPath is null ? terminal.Width : 100, settings.OutPath is null && terminal.Colour)
            : Find(settings.Format);
}
