using System.Text.Json;
using LogTriage.Tests.Support;

namespace LogTriage.Tests.Scenarios;

/// <summary>
/// The same incidents seen through nats.go, nats.js v2 and v3, nats.c, NATS.Client v1 and NATS.Net
/// (.NET, console logging) applications as they usually log them
/// (samples-logs/clients, made with a real nats-server by its generate.sh; this test reads the
/// committed logs, so it needs neither Go nor Node). Read with its server log, every client log
/// ranks the incident's cause first; read alone, it ranks the cause first unless the manifest
/// accepts the symptom that client shows instead ("none": it cannot tell; with its server log too
/// when the server log alone shows nothing either). Healthy runs give
/// nothing at warning or above either way.
/// </summary>
public class ClientLibraryScenarioTests
{
    private static readonly string Folder = Path.Combine(RepositoryPaths.Samples, "clients");

    private static readonly string[] AtLeastWarning = ["warning", "error", "critical"];

    private sealed record Row(string File, string Cause, string[] Accepted, string Client);

    private static IEnumerable<Row> Manifest() =>
        File.ReadAllLines(Path.Combine(Folder, "manifest.tsv")).Skip(1)
            .Where(l => l.Trim().Length > 0)
            .Select(l => l.Split('\t'))
            .Select(f => new Row(f[0], f[1], f[2] == "-" ? [] : f[2].Split(','), f[3]));

    private static IEnumerable<TestCaseData> Alone() =>
        Manifest().Select(r => new TestCaseData(r.File, r.Cause, r.Accepted).SetName($"{r.File} alone is {r.Cause}"));

    private static IEnumerable<TestCaseData> WithServer() =>
        Manifest().Where(r => File.Exists(ServerLog(r.File)))
            .Select(r => new TestCaseData(r.File, r.Cause, r.Accepted).SetName($"{r.File} with its server log is {r.Cause}"));

    /// <summary>healthy.go.log -> healthy.server.log: one server per scenario, both applications on it.</summary>
    private static string ServerLog(string clientFile)
    {
        var scenario = clientFile[..clientFile.LastIndexOf('.', clientFile.Length - ".log".Length - 1)];
        return Path.Combine(Folder, scenario + ".server.log");
    }

    [TestCaseSource(nameof(Alone))]
    public void Client_log_alone(string file, string cause, string[] accepted)
    {
        var causes = Analyze(Path.Combine(Folder, file));
        if (cause == "healthy" || (accepted.Contains("none") && causes.Count == 0))
        {
            Assert.That(causes, Is.Empty, "nothing at warning or above");
            return;
        }
        Assert.That(causes, Is.Not.Empty, "a cause at warning or above");
        Assert.That(causes[0], Is.AnyOf([cause, .. accepted.Where(a => a != "none")]), string.Join(", ", causes));
    }

    [TestCaseSource(nameof(WithServer))]
    public void Client_log_with_its_server_log(string file, string cause, string[] accepted)
    {
        var causes = Analyze(Path.Combine(Folder, file), ServerLog(file));
        if (cause == "healthy")
            Assert.That(causes, Is.Empty, "nothing at warning or above");
        else if (causes.Count == 0 && accepted.Contains("none"))
            // Only the other clients' libraries saw it (a buffer nats.js v2 does not bound): then
            // the server log, read alone, must not show it either.
            Assert.That(Analyze(ServerLog(file)), Is.Empty, "the server log shows a cause the pair lost");
        else
            Assert.That(causes.FirstOrDefault(), Is.EqualTo(cause), string.Join(", ", causes));
    }

    /// <summary>Every generated client log is in the manifest, so none goes unchecked.</summary>
    [Test]
    public void Manifest_lists_every_client_log()
    {
        var logs = Directory.EnumerateFiles(Folder, "*.log")
            .Select(Path.GetFileName)
            .Where(n => !n!.EndsWith(".server.log", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        Assert.That(Manifest().Select(r => r.File).Order(StringComparer.Ordinal), Is.EqualTo(logs));
        Assert.That(Manifest().Select(r => r.Client).Distinct(), Is.EquivalentTo(new[] { "go", "js", "js3", "c", "net", "net2" }));
        Assert.That(Manifest().Where(r => !r.File.EndsWith($".{r.Client}.log", StringComparison.Ordinal)), Is.Empty,
            "each log is named after its client");
    }

    /// <summary>The causes at warning or above, ranked, as the JSON report gives them.</summary>
    private static List<string> Analyze(params string[] paths)
    {
        var run = CliRun.Of(["analyze", .. paths, "--format", "json", "--fail-on", "warning"]);
        var causes = JsonDocument.Parse(run.Out).RootElement.GetProperty("causes").EnumerateArray()
            .Where(c => AtLeastWarning.Contains(c.GetProperty("severity").GetString()))
            .Select(c => c.GetProperty("cause").GetString()!)
            .ToList();
        Assert.That(run.ExitCode, Is.EqualTo(causes.Count > 0 ? 1 : 0), run.Error);
        return causes;
    }
}
