using System.Text;
using LogTriage.Tests.Support;

namespace LogTriage.Tests.Fleet;

/// <summary>`logtriage ship` against the real nats-server 2.9 with JetStream.</summary>
[NonParallelizable]
public class ShipCommandTests
{
    private NatsServerProcess _server = null!;
    private string _work = "";

    [SetUp]
    public void StartJetStream()
    {
        _work = Directory.CreateTempSubdirectory("logtriage-ship-").FullName;
        _server = NatsServerProcess.StartJetStream();
    }

    [TearDown]
    public void Stop()
    {
        _server.Dispose();
        Directory.Delete(_work, recursive: true);
    }

    private static readonly string[] Samples = ["slow-consumer.log", "auth-wrong-password.log"];

    private CliRun Ship(params string[] extra) =>
        CliRun.Of(["ship", .. Samples.Select(RepositoryPaths.Sample), "--nats", _server.Url, "--server-name", "nats-0", "--batch-kb", "1", .. extra]);

    private async Task<List<(string Subject, string Input, long FirstLine, string Text)>> ReadStream()
    {
        await using var nats = new NatsClient(_server.Url);
        var js = nats.CreateJetStreamContext();
        var consumer = await js.CreateOrderedConsumerAsync("LOGS");
        var stream = await js.GetStreamAsync("LOGS");
        var messages = new List<(string, string, long, string)>();
        var count = (long)stream.Info.State.Messages;
        await foreach (var msg in consumer.FetchAsync<byte[]>(new NatsJSFetchOpts { MaxMsgs = (int)count, Expires = TimeSpan.FromSeconds(5) }))
            messages.Add((msg.Subject, msg.Headers!["LogTriage-Input"].ToString(), long.Parse(msg.Headers["LogTriage-First-Line"].ToString()), Encoding.UTF8.GetString(msg.Data!)));
        return messages;
    }

    [Test]
    public async Task Every_line_arrives_once_in_batches_on_the_servers_subject_and_a_second_run_sends_nothing_new()
    {
        var first = Ship("--create");
        Assert.That(first.ExitCode, Is.EqualTo(0), first.Error);
        var shipped = await ReadStream();
        Assert.That(shipped, Has.Count.GreaterThan(2), "1 KiB batches cut the samples into several messages");

        foreach (var sample in Samples)
        {
            var batches = shipped.Where(m => m.Input == RepositoryPaths.Sample(sample)).OrderBy(m => m.FirstLine).ToList();
            Assert.That(batches.Select(b => b.Subject), Is.All.EqualTo($"logs.default.nats-0.{sample.Replace('.', '_')}"));
            Assert.That(string.Concat(batches.Select(b => b.Text)), Is.EqualTo(string.Concat(File.ReadAllLines(RepositoryPaths.Sample(sample)).Select(l => l + "\n"))));
        }

        var again = Ship();
        Assert.That(again.ExitCode, Is.EqualTo(0), again.Error);
        Assert.That(again.Error, Does.Contain($"({shipped.Count} batches the stream already had)"));
        Assert.That(await ReadStream(), Has.Count.EqualTo(shipped.Count));
    }

    [Test]
    public async Task Streams_named_on_the_command_line_carry_the_whole_pipeline()
    {
        var ship = Ship("--stream", "APP_LOGS", "--create");
        Assert.That(ship.ExitCode, Is.EqualTo(0), ship.Error);
        var worker = CliRun.Of("worker", "--nats", _server.Url, "--stream", "APP_LOGS", "--signals", "APP_SIGNALS", "--once", "--ack-wait", "2s");
        Assert.That(worker.ExitCode, Is.EqualTo(0), worker.Error);
        var fleet = CliRun.Of("fleet", "report", "--nats", _server.Url, "--signals", "APP_SIGNALS", "--format", "json");
        Assert.That(fleet.ExitCode, Is.EqualTo(0), fleet.Error);
        using var report = System.Text.Json.JsonDocument.Parse(fleet.Out);
        var causes = report.RootElement.GetProperty("causes").EnumerateArray().Select(c => c.GetProperty("cause").GetString()).ToList();
        Assert.That(causes, Does.Contain("overload").And.Contain("auth"));

        await using var nats = new NatsClient(_server.Url);
        var names = new List<string>();
        await foreach (var name in nats.CreateJetStreamContext().ListStreamNamesAsync())
            names.Add(name);
        Assert.That(names, Is.EquivalentTo(new[] { "APP_LOGS", "APP_SIGNALS", "KV_logtriage-findings" }), "nothing went to the default streams");
    }

    [Test]
    public void A_second_log_stream_over_the_same_subjects_is_one_line_and_exit_2()
    {
        Assert.That(Ship("--create").ExitCode, Is.EqualTo(0));
        var run = Ship("--stream", "OTHER", "--create");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error.Trim(), Is.EqualTo($"logtriage: cannot create stream OTHER: another stream on {_server.Url} already takes the subjects logs.> (ship to that one with --stream NAME)"));
    }

    [Test]
    public async Task The_same_file_shipped_for_two_servers_is_kept_for_both()
    {
        var log = RepositoryPaths.Sample("slow-consumer.log");
        var first = CliRun.Of("ship", log, "--nats", _server.Url, "--server-name", "nats-a", "--create");
        Assert.That(first.ExitCode, Is.EqualTo(0), first.Error);
        var second = CliRun.Of("ship", log, "--nats", _server.Url, "--server-name", "nats-b");
        Assert.That(second.ExitCode, Is.EqualTo(0), second.Error);
        Assert.That(second.Error, Does.Not.Contain("already had"), "nats-b's batches are not nats-a's duplicates");

        var subjects = (await ReadStream()).Select(m => m.Subject).ToList();
        Assert.That(subjects, Is.EquivalentTo(new[] { "logs.default.nats-a.slow-consumer_log", "logs.default.nats-b.slow-consumer_log" }));
    }

    [Test]
    public void A_missing_stream_without_create_is_one_line_and_exit_2()
    {
        var run = Ship();
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error.Trim(), Is.EqualTo($"logtriage: stream LOGS does not exist on {_server.Url} (--create makes it)"));
    }

    [Test]
    public void A_server_without_JetStream_is_one_line_and_exit_2()
    {
        using var plain = NatsServerProcess.Start();
        var run = CliRun.Of("ship", RepositoryPaths.Sample("slow-consumer.log"), "--nats", plain.Url, "--create");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error.Trim(), Does.StartWith("logtriage: JetStream is not enabled on").And.Not.Contain("\n"));
    }

    [Test]
    public async Task With_state_a_second_run_ships_only_what_was_appended()
    {
        var log = Path.Combine(_work, "nats.log");
        var state = Path.Combine(_work, "state", "ship.json");
        var lines = File.ReadAllLines(RepositoryPaths.Sample("slow-consumer.log"));
        File.WriteAllLines(log, lines[..8]);
        var first = CliRun.Of("ship", log, "--nats", _server.Url, "--create", "--state", state);
        Assert.That(first.ExitCode, Is.EqualTo(0), first.Error);
        Assert.That(first.Error, Does.Contain("shipped 8 lines"));

        File.AppendAllLines(log, lines[8..]);
        var second = CliRun.Of("ship", log, "--nats", _server.Url, "--state", state);
        Assert.That(second.ExitCode, Is.EqualTo(0), second.Error);
        Assert.That(second.Error, Does.Contain($"shipped {lines.Length - 8} lines").And.Not.Contain("already had"));

        var shipped = (await ReadStream()).OrderBy(m => m.FirstLine).ToList();
        Assert.That(shipped.Select(m => m.FirstLine), Is.EqualTo(new long[] { 1, 9 }), "the second batch starts at the file's ninth line");
        Assert.That(string.Concat(shipped.Select(m => m.Text)), Is.EqualTo(string.Concat(lines.Select(l => l + "\n"))));
    }

    [Test]
    public async Task A_shipper_killed_mid_file_and_run_again_duplicates_nothing()
    {
        // 4 MB of real server lines, cut into 1 KiB batches: thousands of publishes, time to kill.
        var sample = File.ReadAllLines(RepositoryPaths.Sample("slow-consumer.log"));
        var log = Path.Combine(_work, "big.log");
        File.WriteAllLines(log, Enumerable.Range(0, 2500).SelectMany(_ => sample));
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "LogTriage.Cli.dll"), "ship", log, "--nats", _server.Url, "--create", "--batch-kb", "1" })
            start.ArgumentList.Add(argument);

        await using var nats = new NatsClient(_server.Url);
        var js = nats.CreateJetStreamContext();
        async Task<long> Messages()
        {
            try { return (long)(await js.GetStreamAsync("LOGS")).Info.State.Messages; }
            catch (NatsJSApiException) { return 0; }
        }

        using (var shipper = System.Diagnostics.Process.Start(start)!)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (await Messages() < 50 && clock.Elapsed < TimeSpan.FromSeconds(30) && !shipper.HasExited)
                await Task.Delay(20);
            Assert.That(shipper.HasExited, Is.False, "the shipper is killed while it is still shipping");
            shipper.Kill();
            shipper.WaitForExit();
        }
        var beforeRestart = await Messages();

        var again = CliRun.Of("ship", log, "--nats", _server.Url, "--batch-kb", "1");
        Assert.That(again.ExitCode, Is.EqualTo(0), again.Error);
        Assert.That(again.Error, Does.Contain($"({beforeRestart} batches the stream already had)"));
        var expected = CliRun.Of("ship", log, "--nats", _server.Url, "--batch-kb", "1");
        var batches = long.Parse(System.Text.RegularExpressions.Regex.Match(expected.Error, @"in (\d+) batches").Groups[1].Value);
        Assert.That(await Messages(), Is.EqualTo(batches), "every batch once, none twice");
    }
}
