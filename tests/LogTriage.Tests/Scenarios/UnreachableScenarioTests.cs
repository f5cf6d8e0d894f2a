using LogTriage.Tests.Support;
using Microsoft.Extensions.Logging;
using NATS.Client.Core;

namespace LogTriage.Tests.Scenarios;

/// <summary>The server goes away under a running client, and a client that never finds one (samples-logs/scenarios/README.md).</summary>
[Category("Scenario"), NonParallelizable]
public class UnreachableScenarioTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The server is stopped (SIGTERM, as systemd or Kubernetes stop it) while the client is
    /// connected; the client's reconnects are refused until its retries run out.
    /// </summary>
    [Test]
    public async Task Server_killed_while_the_client_runs_is_unreachable()
    {
        using var scenario = ScenarioWorkspace.Create("unreachable-server-stopped");
        var server = scenario.StartServer();
        using (var log = scenario.OpenClientLog())
        {
            await using var nats = new NatsConnection(ScenarioClient.Options(server.Url, "inventory-sync", log));
            await nats.ConnectAsync();
            await using var sub = await nats.SubscribeCoreAsync<string>("inventory.>");
            await nats.PublishAsync("inventory.updated", "sku-1");
            await nats.PingAsync();

            server.Terminate(Wait);
            log.WaitFor("Failed to connect NATS", Wait, count: 2);
            try
            {
                await nats.PublishAsync("inventory.updated", "sku-2");
                await nats.PingAsync();
            }
            catch (Exception e) when (e is NatsException or OperationCanceledException or TimeoutException)
            {
                log.App.LogError(e, "Could not publish the inventory update");
            }
        }
        scenario.CollectServerLog(server);

        // The server's log shows its clients cut off by a shutdown with no start-up after it: an outage.
        scenario.AssertTopCauses(server: "unreachable", client: "unreachable", both: "unreachable");
    }
}
