using LogTriage.Input;
using LogTriage.Report;
using LogTriage.Tests.Support;

namespace LogTriage.Tests.Report;

/// <summary>Reports made by the real pipeline from real log files, for the renderer and redaction tests.</summary>
internal static class ReportFixtures
{
    public static readonly DateTimeOffset ScanTime = new(2026, 11, 27, 8, 30, 0, TimeSpan.Zero);

    /// <summary>A log beside these tests (Report/Fixtures/).</summary>
    public static string Fixture(string name) => Path.Combine(TestContext.CurrentContext.TestDirectory, "Report", "Fixtures", name);

    public static CauseReport Build(IEnumerable<string> paths, Func<string, string>? textFilter = null) =>
        new ReportBuilder("test", textFilter).Build(
            ShippedRules.Analyzer.Analyze(paths.Select(InputSource.FromFile).ToList()), ScanTime);

    public static CauseReport Build(params string[] paths) => Build(paths, null);

    public static string Render(IReportRenderer renderer, CauseReport report)
    {
        using var output = new StringWriter();
        renderer.Render(report, output);
        return output.ToString();
    }

    /// <summary>Every format the project has, as it would be chosen with --format.</summary>
    public static IReadOnlyList<IReportRenderer> AllRenderers { get; } =
        [new TextReportRenderer(), new MarkdownReportRenderer(), new JsonReportRenderer(), new HtmlReportRenderer(), new CsvReportRenderer()];

    public static IEnumerable<string> SampleLogs() =>
        Directory.GetFiles(RepositoryPaths.Samples, "*.log").Order(StringComparer.Ordinal);
}
