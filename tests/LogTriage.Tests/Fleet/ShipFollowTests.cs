using System.Diagnostics;
using System.Text;
using LogTriage.Tests.Support;

namespace LogTriage.Tests.Fleet;

/// <summary>`ship --follow` on the real nats-server 2.9: a growing file's new lines reach the stream while it is still followed, and SIGTERM ends it cleanly.</summary>
[NonParallelizable]
public class ShipFollowTests
{
    [Test]
    public async Task Appended_lines_are_shipped_within_seconds_and_SIGTERM_ends_the_follow()
    {
        var store = Directory.CreateTempSubdirectory("logtriage-follow-").FullName;
        var log = Path.Combine(store, "nats.log");
        var lines = File.ReadAllLines(RepositoryPaths.Sample("auth-wrong-password.log"));
        File.WriteAllLines(log, lines[..10]);
        try
        {
            using var server = NatsServerProcess.Start($"jetstream {{ store_dir: \"{Path.Combine(store, "js")}\" }}");
            var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "LogTriage.Cli.dll"), "ship", "--follow", log, "--nats", server.Url, "--create", "--server-name", "nats-f" })
                start.ArgumentList.Add(argument);
            using var shipper = Process.Start(start)!;
            var stderr = shipper.StandardError.ReadToEndAsync();

            await using var nats = new NatsClient(server.Url);
            var js = nats.CreateJetStreamContext();
            Assert.That(await Shipped(js, 10, TimeSpan.FromSeconds(30)), Is.EqualTo(lines[..10]), "the first lines, flushed on time while following");

            File.AppendAllLines(log, lines[10..]);
            Assert.That(await Shipped(js, lines.Length, TimeSpan.FromSeconds(30)), Is.EqualTo(lines), "the appended lines, while still following");
            Assert.That(shipper.HasExited, Is.False);

            using (var term = Process.Start("kill", ["-TERM", shipper.Id.ToString()]))
                term.WaitForExit();
            Assert.That(shipper.WaitForExit(20_000), Is.True, "SIGTERM ends the follow");
            Assert.That(shipper.ExitCode, Is.EqualTo(0), stderr.Result);
            Assert.That(stderr.Result, Does.Contain($"shipped {lines.Length} lines"));
        }
        finally
        {
            Directory.Delete(store, recursive: true);
        }
    }

    /// <summary>The stream's lines, waiting (up to <paramref name="patience"/>) until <paramref name="expected"/> have come.</summary>
    private static async Task<string[]> Shipped(INatsJSContext js, int expected, TimeSpan patience)
    {
        var clock = Stopwatch.StartNew();
        string[] seen = [];
        while (clock.Elapsed < patience)
        {
            try
            {
                var stream = await js.GetStreamAsync("LOGS");
                var count = (int)stream.Info.State.Messages;
                if (count > 0)
                {
                    var consumer = await js.CreateOrderedConsumerAsync("LOGS");
                    var text = new StringBuilder();
                    await foreach (var msg in consumer.FetchAsync<byte[]>(new NatsJSFetchOpts { MaxMsgs = count, Expires = TimeSpan.FromSeconds(2) }))
                        text.Append(Encoding.UTF8.GetString(msg.Data!));
                    var now = text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
                    if (now.Length >= expected)
                        return now;
                    seen = now;
                }
            }
            catch (NatsJSApiException)
            {
                // the stream is not created yet
            }
            await Task.Delay(1000);
        }
        return seen;
    }
}
