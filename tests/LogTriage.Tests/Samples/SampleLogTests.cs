using System.Text.Json;
using LogTriage.Tests.Support;

namespace LogTriage.Tests.Samples;

/// <summary>
/// The real logs in samples-logs/, produced by the real nats-server (see samples-logs/README.md),
/// through the real command line: the right cause must come first.
/// </summary>
public class SampleLogTests
{
    private static readonly (string Sample, string Cause)[] Expected =
    [
        ("auth-wrong-password.log", "auth"),
        ("auth-permissions-violation.log", "auth"),
        ("auth-timeout.log", "client"),
        ("max-payload-exceeded.log", "payload"),
        ("protocol-parser-error.log", "payload"),
        ("stale-connection.log", "network"),
        ("connection-reset.log", "network"),
        ("slow-consumer.log", "overload"),
        ("max-connections.log", "overload"),
        ("server-shutdown.log", "unreachable"),
        ("go-panic.log", "server-bug"),
    ];

    private static IEnumerable<TestCaseData> Cases() =>
        Expected.Select(e => new TestCaseData(e.Sample, e.Cause).SetName($"{e.Sample} is reported as {e.Cause}"));

    private static JsonElement AnalyzeJson(string sample)
    {
        var run = CliRun.Of("analyze", RepositoryPaths.Sample(sample), "--format", "json");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        return JsonDocument.Parse(run.Out).RootElement;
    }

    [TestCaseSource(nameof(Cases))]
    public void Top_cause_of_sample(string sample, string cause)
    {
        var report = AnalyzeJson(sample);
        var causes = report.GetProperty("causes").EnumerateArray().ToList();
        Assert.That(causes, Is.Not.Empty, $"no cause found in {sample}");
        Assert.That(causes[0].GetProperty("cause").GetString(), Is.EqualTo(cause),
            "ranked: " + string.Join(", ", causes.Select(c => c.GetProperty("cause").GetString())));

        var evidence = causes[0].GetProperty("evidence").EnumerateArray().ToList();
        Assert.That(evidence, Is.Not.Empty);
        var lines = File.ReadAllLines(RepositoryPaths.Sample(sample));
        foreach (var e in evidence)
        {
            var line = e.GetProperty("line").GetInt64();
            Assert.That(lines[line - 1], Is.EqualTo(e.GetProperty("text").GetString()!.Split('\n')[0]),
                "evidence points at the line it quotes");
        }
    }

    [Test]
    public void A_healthy_log_reports_no_cause()
    {
        var report = AnalyzeJson("healthy.log");
        Assert.That(report.GetProperty("causes").GetArrayLength(), Is.EqualTo(0), report.GetProperty("causes").ToString());
        var input = report.GetProperty("inputs")[0];
        Assert.That(input.GetProperty("format").GetString(), Is.EqualTo("nats-server"));
        Assert.That(input.GetProperty("unparsed").GetInt64(), Is.EqualTo(0));
        Assert.That(input.GetProperty("lines").GetInt64(), Is.EqualTo(File.ReadAllLines(RepositoryPaths.Sample("healthy.log")).Length));
    }
}
