using System.Text.Json;

namespace LogTriage.Tests.Support;

/// <summary>
/// One scenario's folder: the server it starts (with <c>debug: true</c>, UTC times and its own
/// config), the client's CLEF log, and, once the scenario has run, the copies of both logs that
/// the real command line analyses. With <c>LOGTRIAGE_SAVE_SCENARIO_LOGS=1</c> the copies also go
/// to <c>samples-logs/scenarios/&lt;name&gt;.server.log</c> and <c>&lt;name&gt;.client.clef</c>.
/// </summary>
public sealed class ScenarioWorkspace : IDisposable
{
    /// <summary>
    /// Common to every scenario server: client close reasons, stale connections and the like are
    /// [DBG] only. Times are UTC (the server runs with TZ=UTC; v2.9 has no <c>logtime_utc</c>).
    /// </summary>
    public const string CommonConfig = "debug: true\nlogtime: true\n";

    private readonly List<NatsServerProcess> _servers = [];

    private ScenarioWorkspace(string name)
    {
        Name = name;
        Directory = System.IO.Directory.CreateTempSubdirectory($"logtriage-scenario-{name}-").FullName;
    }

    public string Name { get; }

    public string Directory { get; }

    /// <summary>The client application's Serilog CLEF log.</summary>
    public string ClientLog => Path.Combine(Directory, "client.clef");

    /// <summary>The same client messages in Microsoft.Extensions.Logging's console layout.</summary>
    public string ClientConsoleLog => Path.Combine(Directory, "client.console.log");

    /// <summary>The server log as analysed (a copy taken by <see cref="CollectServerLog"/>).</summary>
    public string ServerLog => Path.Combine(Directory, "server.log");

    public static ScenarioWorkspace Create(string name) => new(name);

    /// <summary>Starts a scenario server; it is killed on <see cref="Dispose"/> at the latest.</summary>
    public NatsServerProcess StartServer(string config = "")
    {
        var server = NatsServerProcess.StartUtc(CommonConfig + config);
        _servers.Add(server);
        return server;
    }

    /// <summary>Rewrites a running server's scenario config, keeping the common part.</summary>
    public static void RewriteServerConfig(NatsServerProcess server, string config) => server.RewriteConfig(CommonConfig + config);

    /// <summary>The Serilog logger of the scenario's client application, writing CLEF to <see cref="ClientLog"/>.</summary>
    public ScenarioClientLog OpenClientLog() => new(ClientLog, ClientConsoleLog);

    /// <summary>Copies the server's log for analysis (and, when asked to, into samples-logs/scenarios).</summary>
    public void CollectServerLog(NatsServerProcess server)
    {
        File.WriteAllText(ServerLog, server.ReadLog());
        SaveIfAsked();
    }

    private void SaveIfAsked()
    {
        if (Environment.GetEnvironmentVariable("LOGTRIAGE_SAVE_SCENARIO_LOGS") != "1")
            return;
        var target = Path.Combine(RepositoryPaths.Samples, "scenarios");
        System.IO.Directory.CreateDirectory(target);
        File.Copy(ServerLog, Path.Combine(target, Name + ".server.log"), overwrite: true);
        if (File.Exists(ClientLog))
            File.Copy(ClientLog, Path.Combine(target, Name + ".client.clef"), overwrite: true);
        if (File.Exists(ClientConsoleLog))
            File.Copy(ClientConsoleLog, Path.Combine(target, Name + ".client.console.log"), overwrite: true);
    }

    /// <summary>The ranked cause ids the real command line reports for the given inputs.</summary>
    public static IReadOnlyList<string> Causes(params string[] inputs)
    {
        var run = CliRun.Of(["analyze", .. inputs, "--format", "json"]);
        Assert.That(run.ExitCode, Is.EqualTo(0), "logtriage analyze failed: " + run.Error);
        var report = JsonDocument.Parse(run.Out).RootElement;
        return report.GetProperty("causes").EnumerateArray().Select(c => c.GetProperty("cause").GetString()!).ToList();
    }

    /// <summary>
    /// Asserts the top cause of the server log alone, the client log alone and both together
    /// (null: no cause at all may be reported for that input), all three in one failure message.
    /// </summary>
    public void AssertTopCauses(string? server, string? client, string? both) =>
        AssertTopCauses([("server log", [ServerLog], server), ("client log", [ClientLog], client), ("both logs", [ServerLog, ClientLog], both),
            ("client console log", [ClientConsoleLog], client), ("server and client console logs", [ServerLog, ClientConsoleLog], both)]);

    /// <summary>For scenarios without a client log (raw sockets only).</summary>
    public void AssertServerTopCause(string? server) => AssertTopCauses([("server log", [ServerLog], server)]);

    private void AssertTopCauses((string What, string[] Inputs, string? Expected)[] checks)
    {
        var measured = checks.Select(c => (c.What, c.Expected, Ranked: Causes(c.Inputs))).ToList();
        var summary = string.Join("\n", measured.Select(m => $"{Name} {m.What}: expected {m.Expected ?? "(none)"}, ranked [{string.Join(", ", m.Ranked)}]"));
        TestContext.Out.WriteLine(summary);
        Assert.Multiple(() =>
        {
            foreach (var (what, expected, ranked) in measured)
                if (expected is null)
                    Assert.That(ranked, Is.Empty, $"{what}: no cause expected\n{summary}");
                else
                    Assert.That(ranked.FirstOrDefault(), Is.EqualTo(expected), $"{what}: top cause\n{summary}");
        });
    }

    public void Dispose()
    {
        foreach (var server in _servers)
            server.Dispose();
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
    }
}
