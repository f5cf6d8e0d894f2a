using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using LogTriage.Tests.Support;
using NATS.Client.Core;
using static LogTriage.Tests.Monitoring.MonitoredSockets;

namespace LogTriage.Tests.Fleet;

/// <summary>
/// The real nats-server 2.9 at its default INFO level, which logs no client closes, with a system
/// account: its disconnect and auth-error advisories, saved one JSON object per line as a
/// subscriber receives them, are an input of `analyze` that names the causes.
/// </summary>
[NonParallelizable]
public class AdvisoryInputTests
{
    private const string Config = $$"""
        accounts {
          SYS { users: [ { user: sys, password: sys } ] }
          APP { users: [ { user: {{User}}, password: {{Password}} } ] }
        }
        system_account: SYS
        max_payload: 16384
        max_pending: 32768
        write_deadline: "100ms"
        """;

    [Test]
    public async Task Saved_disconnect_and_auth_error_advisories_name_auth_and_overload()
    {
        using var server = NatsServerProcess.Start(Config);
        var saved = new List<string>();
        await using var sys = new NatsClient(new NatsOpts { Url = server.Url, AuthOpts = new NatsAuthOpts { Username = "sys", Password = "sys" } });
        await sys.ConnectAsync();
        using var stop = new CancellationTokenSource();
        // Subscribed (and the server told) before anything happens, so no advisory is missed.
        var subscriptions = new List<INatsSub<byte[]>>();
        foreach (var subject in new[] { "$SYS.ACCOUNT.*.DISCONNECT", "$SYS.SERVER.*.CLIENT.AUTH.ERR" })
            subscriptions.Add(await sys.Connection.SubscribeCoreAsync<byte[]>(subject, cancellationToken: stop.Token));
        await sys.PingAsync();
        var listeners = subscriptions.Select(sub => Task.Run(async () =>
        {
            try
            {
                await foreach (var msg in sub.Msgs.ReadAllAsync(stop.Token))
                    lock (saved)
                        saved.Add(Encoding.UTF8.GetString(msg.Data!));
            }
            catch (OperationCanceledException)
            {
            }
        })).ToList();

        // A wrong password, then a subscriber that stops reading while a publisher floods it.
        using (var bad = Connect(server.Port, "billing", password: "expired"))
            Assert.That(ReadSome(bad), Does.Contain("Authorization Violation"));
        FloodSlowSubscriber(server.Port, "report-builder", () => Saw(saved, "Slow Consumer"), TimeSpan.FromSeconds(10));
        var wait = Stopwatch.StartNew();
        while (wait.Elapsed < TimeSpan.FromSeconds(5) && !(Saw(saved, "Slow Consumer") && Saw(saved, "Authentication")))
            await Task.Delay(50);
        stop.Cancel();

        Assert.That(server.ReadLog(), Does.Not.Contain("connection closed"), "the INFO log says nothing of the closes");
        var file = Path.Combine(Path.GetTempPath(), $"advisories-{Guid.NewGuid():N}.log");
        lock (saved)
            File.WriteAllLines(file, saved);
        try
        {
            var run = CliRun.Of("analyze", file, "--format", "json");
            Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
            using var report = JsonDocument.Parse(run.Out);
            Assert.That(report.RootElement.GetProperty("inputs")[0].GetProperty("format").GetString(), Is.EqualTo("nats-advisory"));
            var causes = report.RootElement.GetProperty("causes").EnumerateArray().ToList();
            Assert.That(causes.Select(c => c.GetProperty("cause").GetString()), Is.SupersetOf(new[] { "auth", "overload" }), run.Out);
            var auth = causes.First(c => c.GetProperty("cause").GetString() == "auth");
            Assert.That(auth.GetProperty("connections").EnumerateArray().Select(c => c.GetString()), Has.Some.Contains("\"billing\""));
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static bool Saw(List<string> saved, string text)
    {
        lock (saved)
            return saved.Any(s => s.Contains(text, StringComparison.Ordinal));
    }
}
