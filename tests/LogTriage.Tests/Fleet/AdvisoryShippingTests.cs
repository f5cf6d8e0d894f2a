using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using LogTriage.Tests.Support;
using static LogTriage.Tests.Monitoring.MonitoredSockets;

namespace LogTriage.Tests.Fleet;

/// <summary>
/// `ship --advisories` against the real nats-server 2.9 (JetStream, a system account, INFO
/// logging): the advisories of a wrong password and a slow consumer go into the log stream, a
/// worker reads them as advisories, and the fleet report names both causes.
/// </summary>
[NonParallelizable]
public class AdvisoryShippingTests
{
    [Test]
    public void Advisories_shipped_until_SIGTERM_reach_the_fleet_report()
    {
        var store = Directory.CreateTempSubdirectory("logtriage-adv-").FullName;
        var monitorPort = FreePort();
        try
        {
            using var server = NatsServerProcess.Start($$"""
                jetstream { store_dir: "{{store}}" }
                accounts {
                  SYS { users: [ { user: sys, password: sys } ] }
                  APP { jetstream: enabled, users: [ { user: {{User}}, password: {{Password}} } ] }
                }
                system_account: SYS
                max_payload: 16384
                max_pending: 32768
                write_deadline: "100ms"
                """, true, "-m", monitorPort.ToString());
            var url = $"nats://{User}:{Password}@127.0.0.1:{server.Port}";

            var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "LogTriage.Cli.dll"), "ship", "--advisories", "--nats", url, "--create",
                         "--server-name", "nats-a", "--system-user", "sys", "--system-password", "sys" })
                start.ArgumentList.Add(argument);
            using var shipper = Process.Start(start)!;
            var stderr = shipper.StandardError.ReadToEndAsync();
            // Subscribed once the server lists the shipper's system-account connection.
            using var http = new HttpClient();
            WaitFor(() => shipper.HasExited || http.GetStringAsync($"http://127.0.0.1:{monitorPort}/connz?subs=1").Result is var connz
                    && connz.Contains("$SYS.ACCOUNT.*.DISCONNECT") && connz.Contains("$SYS.SERVER.*.CLIENT.AUTH.ERR"),
                TimeSpan.FromSeconds(30), "the shipper's subscriptions");
            Assert.That(shipper.HasExited, Is.False, "the shipper is running");

            using (var bad = Connect(server.Port, "billing", password: "expired"))
                Assert.That(ReadSome(bad), Does.Contain("Authorization Violation"));
            FloodSlowSubscriber(server.Port, "report-builder", () => false, TimeSpan.FromSeconds(3));
            Thread.Sleep(3000); // the shipper flushes a batch two seconds after its first advisory

            using (var term = Process.Start("kill", ["-TERM", shipper.Id.ToString()]))
                term.WaitForExit();
            Assert.That(shipper.WaitForExit(20_000), Is.True, "SIGTERM stops the shipper");
            Assert.That(shipper.ExitCode, Is.EqualTo(0), stderr.Result);
            Assert.That(stderr.Result, Does.Match(@"shipped [1-9]\d* advisories"));
            Assert.That(server.ReadLog(), Does.Not.Contain("connection closed"), "the INFO log says nothing of the closes");

            var worker = CliRun.Of("worker", "--nats", url, "--once", "--ack-wait", "2s");
            Assert.That(worker.ExitCode, Is.EqualTo(0), worker.Error);
            var fleet = CliRun.Of("fleet", "report", "--nats", url, "--format", "json");
            Assert.That(fleet.ExitCode, Is.EqualTo(0), fleet.Error);
            var causes = JsonDocument.Parse(fleet.Out).RootElement.GetProperty("causes").EnumerateArray().Select(c => c.GetProperty("cause").GetString()).ToList();
            Assert.That(causes, Is.SupersetOf(new[] { "auth", "overload" }), fleet.Out);
        }
        finally
        {
            Directory.Delete(store, recursive: true);
        }
    }
}
