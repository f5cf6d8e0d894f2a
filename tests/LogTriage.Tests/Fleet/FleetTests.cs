using System.Diagnostics;
using System.Text.Json;
using LogTriage.Tests.Support;
using NATS.Client.KeyValueStore;

namespace LogTriage.Tests.Fleet;

/// <summary>
/// The whole fleet on the real nats-server 2.9 with JetStream: the samples of several servers are
/// shipped, three worker processes share the batches and one of them is killed with SIGKILL, and
/// the fleet's report must equal the single-process analysis of the same files.
/// </summary>
[NonParallelizable]
public class FleetTests
{
    private static readonly string[] Samples =
        ["slow-consumer.log", "auth-wrong-password.log", "server-shutdown.log", "go-panic.log", "max-payload-exceeded.log", "stale-connection.log"];

    private NatsServerProcess _server = null!;

    [SetUp]
    public void StartJetStream() => _server = NatsServerProcess.StartJetStream();

    [TearDown]
    public void Stop() => _server.Dispose();

    private Process Worker()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "LogTriage.Cli.dll"), "worker", "--nats", _server.Url, "--once", "--ack-wait", "2s" })
            start.ArgumentList.Add(argument);
        return Process.Start(start)!;
    }

    private static List<(string Cause, long Count, string Severity, double Confidence, string Rules)> Causes(string json) =>
        JsonDocument.Parse(json).RootElement.GetProperty("causes").EnumerateArray()
            .Select(c => (c.GetProperty("cause").GetString()!, c.GetProperty("count").GetInt64(), c.GetProperty("severity").GetString()!,
                c.GetProperty("confidence").GetDouble(), string.Join(",", c.GetProperty("rules").EnumerateArray().Select(r => r.GetString()).Order())))
            .ToList();

    [Test]
    public async Task Three_workers_one_killed_give_the_report_of_a_single_process()
    {
        var paths = Samples.Select(RepositoryPaths.Sample).ToArray();
        // Two servers' logs: the first three samples from nats-a, the others from nats-b.
        var shipA = CliRun.Of(["ship", .. paths[..3], "--nats", _server.Url, "--server-name", "nats-a", "--create", "--batch-kb", "1"]);
        var shipB = CliRun.Of(["ship", .. paths[3..], "--nats", _server.Url, "--server-name", "nats-b", "--batch-kb", "1"]);
        Assert.That((shipA.ExitCode, shipB.ExitCode), Is.EqualTo((0, 0)), shipA.Error + shipB.Error);

        var workers = new[] { Worker(), Worker(), Worker() };
        // The first worker dies as a killed process does: no ack, no goodbye. Whatever it held
        // comes back to the others after the ack wait.
        Thread.Sleep(700);
        Assert.That(workers[0].HasExited, Is.False, "the worker to kill is still running");
        workers[0].Kill();
        foreach (var worker in workers.Skip(1))
        {
            Assert.That(worker.WaitForExit(60_000), Is.True, "a worker did not finish");
            Assert.That(worker.ExitCode, Is.EqualTo(0), worker.StandardError.ReadToEnd());
        }
        workers[0].WaitForExit(10_000);

        var fleet = CliRun.Of("fleet", "report", "--nats", _server.Url, "--format", "json");
        Assert.That(fleet.ExitCode, Is.EqualTo(0), fleet.Error);
        var single = CliRun.Of(["analyze", .. paths, "--format", "json"]);
        Assert.That(Causes(fleet.Out), Is.EqualTo(Causes(single.Out)), fleet.Out);
        Assert.That(Causes(fleet.Out).Select(c => c.Cause), Is.SupersetOf(new[] { "auth", "overload", "payload", "server-bug", "unreachable", "network" }));

        // One signal message per shipped batch: a redelivered batch's signals were dropped as duplicates.
        await using var nats = new NatsClient(_server.Url);
        var js = nats.CreateJetStreamContext();
        var logs = await js.GetStreamAsync("LOGS");
        var signals = await js.GetStreamAsync("SIGNALS");
        Assert.That(signals.Info.State.Messages, Is.EqualTo(logs.Info.State.Messages));
        // The findings per cause and server, in the key-value bucket.
        var bucket = await nats.CreateKeyValueStoreContext().GetStoreAsync("logtriage-findings");
        var keys = new List<string>();
        await foreach (var key in bucket.GetKeysAsync())
            keys.Add(key);
        Assert.That(keys, Is.SupersetOf(new[] { "auth.default_nats-a", "overload.default_nats-a", "server-bug.default_nats-b", "payload.default_nats-b", "network.default_nats-b" }));
        var auth = await bucket.GetEntryAsync<string>("auth.default_nats-a");
        Assert.That(auth.Value, Does.Contain("\"severity\":\"critical\"").And.Contain("default/nats-a:"));
        foreach (var worker in workers)
            worker.Dispose();
    }
}
