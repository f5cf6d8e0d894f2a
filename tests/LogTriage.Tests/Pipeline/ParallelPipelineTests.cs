using System.Globalization;
using System.Text;
using LogTriage.Input;
using LogTriage.Report;
using LogTriage.Tests.Report;
using LogTriage.Tests.Support;

namespace LogTriage.Tests.Pipeline;

/// <summary>
/// A file (known length) is read, parsed and matched on other threads than the engine's; a pipe
/// (unknown length) on one thread. Both must give the same report, byte for byte.
/// </summary>
public class ParallelPipelineTests
{
    private static IEnumerable<TestCaseData> Samples() =>
        ReportFixtures.SampleLogs().Select(p => new TestCaseData(p).SetName($"{Path.GetFileName(p)}: file and pipe give the same report"));

    [TestCaseSource(nameof(Samples))]
    public void Sample_file_and_pipe_reports_are_identical(string path)
    {
        var bytes = File.ReadAllBytes(path);
        AssertSameReport(Path.GetFileName(path), bytes);
    }

    [Test]
    public void Generated_debug_log_file_and_pipe_reports_are_identical()
    {
        var bytes = GeneratedLog(lines: 120_000);
        var json = AssertSameReport("generated.log", bytes);
        Assert.That(json, Does.Contain("\"cause\": \"auth\"").And.Contain("\"cause\": \"network\""), "the planted signals are found");
    }

    [Test]
    public void A_time_window_in_the_middle_of_a_file_gives_the_report_of_the_pipe()
    {
        // The generated log starts at 08:00 and runs ~20 ms a line: the window keeps its middle third.
        var bytes = GeneratedLog(lines: 120_000);
        var window = new TimeWindow(new DateTimeOffset(2026, 11, 20, 8, 13, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 20, 8, 26, 0, TimeSpan.Zero));
        var options = Overlapped with { Window = window };
        var file = ShippedRules.Analyzer.Analyze([new InputSource("w.log", () => new MemoryStream(bytes, writable: false), bytes.Length)], options);
        var pipe = ShippedRules.Analyzer.Analyze([new InputSource("w.log", () => new MemoryStream(bytes, writable: false), null)], options);
        Assert.That(file.Causes.Sum(c => c.Count), Is.GreaterThan(0).And.LessThan(ShippedRules.Analyzer.Analyze(
            [new InputSource("w.log", () => new MemoryStream(bytes, writable: false), bytes.Length)]).Causes.Sum(c => c.Count)), "the window keeps some signals, not all");
        Assert.That(Render(file), Is.EqualTo(Render(pipe)));
    }

    [Test]
    public void An_engine_compiled_to_IL_midway_concludes_as_the_interpreted_one()
    {
        // A signal-dense log with many client addresses: thousands of facts, past the switch (most
        // addresses fail once, and those are no keyed facts: the switch comes earlier here).
        var bytes = GeneratedLog(lines: 90_000, signalEvery: 3, addresses: 60_000);
        var source = new InputSource("dense.log", () => new MemoryStream(bytes, writable: false), bytes.Length);
        const long switchAfter = 1024;
        var switched = ShippedRules.Analyzer.Analyze([source], Overlapped with { CompileEngineAfterFacts = switchAfter });
        var interpreted = ShippedRules.Analyzer.Analyze([source], Overlapped with { CompileEngineAfterFacts = long.MaxValue });
        Assert.That(switched.Engine!.FactsInserted, Is.GreaterThan(2 * switchAfter), "the log is dense enough to switch");
        Assert.That(Render(switched), Is.EqualTo(Render(interpreted)));
    }

    private static string AssertSameReport(string name, byte[] bytes)
    {
        var file = new InputSource(name, () => new MemoryStream(bytes, writable: false), bytes.Length);
        var pipe = new InputSource(name, () => new MemoryStream(bytes, writable: false), null);
        var fromFile = Render(file);
        var fromPipe = Render(pipe);
        Assert.That(fromFile, Is.EqualTo(fromPipe));
        return fromFile;
    }

    /// <summary>Even a small file takes the parallel path here.</summary>
    private static readonly AnalysisOptions Overlapped = new() { OverlapFromBytes = 0 };

    private static string Render(InputSource source) => Render(ShippedRules.Analyzer.Analyze([source], Overlapped));

    private static string Render(AnalysisResult result)
    {
        // The engine's own timing differs from run to run; everything else must not.
        var report = new ReportBuilder("test").Build(result, ReportFixtures.ScanTime) with { Engine = null };
        return ReportFixtures.Render(new JsonReportRenderer(), report);
    }

    /// <summary>
    /// A server debug/trace log like ../shared/bench/genlog.py's: trace traffic, connection
    /// lifecycle at debug level, and planted signals of several causes, deterministic.
    /// </summary>
    internal static byte[] GeneratedLog(int lines, int signalEvery = 997, int addresses = 76)
    {
        var random = new Random(16);
        var time = new DateTime(2026, 11, 20, 8, 0, 0, DateTimeKind.Utc);
        string[] noise =
        [
            "[TRC] {0} - <<- [PUB orders.{1} 128]",
            "[TRC] {0} - <<- MSG_PAYLOAD: [\"{{\\\"id\\\":{1}}}\"]",
            "[TRC] {0} - ->> [MSG orders.{1} 1 128]",
            "[DBG] {0} - Client connection created",
            "[DBG] {0} - Client Ping Timer",
            "[DBG] {0} - Client connection closed: Client Closed",
            "[INF] JetStream cluster new stream leader for 'ACC > ORDERS'",
        ];
        string[] signals =
        [
            "[ERR] {0} - authentication error",
            "[ERR] {0} - maximum payload exceeded: 2097152 vs 1048576",
            "[INF] {0} - Slow Consumer Detected: WriteDeadline of 10s exceeded with 12 chunks of 2415919 total bytes.",
            "[DBG] {0} - Client connection closed: Stale Connection",
        ];
        var text = new StringBuilder();
        for (var i = 0; i < lines; i++)
        {
            time = time.AddMilliseconds(random.Next(1, 40));
            var address = random.Next(addresses);
            var client = $"10.1.{address / 250}.{address % 250 + 1}:{random.Next(1024, 65535)} - cid:{random.Next(1, 900)} - \"v1.31.0:go:orders\"";
            var template = i % signalEvery == signalEvery / 2 ? signals[i / signalEvery % signals.Length] : noise[random.Next(noise.Length)];
            text.Append("[4242] ").Append(time.ToString("yyyy/MM/dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture)).Append(' ')
                .AppendFormat(CultureInfo.InvariantCulture, template, client, random.Next(1, 99999)).Append('\n');
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
