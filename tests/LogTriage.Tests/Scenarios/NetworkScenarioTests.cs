using LogTriage.Tests.Support;
using NATS.Client.Core;

namespace LogTriage.Tests.Scenarios;

/// <summary>
/// The network under a connection breaks: a path that goes silent, a reset. NATS.Net reaches the
/// server through <see cref="ScenarioTcpProxy"/>, the part of the network the scenario breaks
/// (samples-logs/scenarios/README.md).
/// </summary>
[Category("Scenario"), NonParallelizable]
public class NetworkScenarioTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    /// <summary>
    /// A raw client that stops answering the server's PINGs (a frozen process), and a NATS.Net
    /// client whose path to the server turns into a black hole: the server closes both as stale,
    /// the client gives up on its own unanswered PINGs.
    /// </summary>
    [Test]
    public async Task Client_that_stops_answering_pings_is_network()
    {
        using var scenario = ScenarioWorkspace.Create("network-stale-connection");
        var server = scenario.StartServer("ping_interval: \"1s\"\nping_max: 2");
        using (var log = scenario.OpenClientLog())
        using (var proxy = new ScenarioTcpProxy(server.Port))
        using (var frozen = ScenarioRawClient.Connect(server.Port, "sensor-gateway"))
        {
            await using var nats = new NatsConnection(ScenarioClient.Options(proxy.Url, "telemetry-ingest", log));
            await nats.ConnectAsync();
            await nats.PingAsync();

            proxy.Freeze();
            log.WaitFor("Server didn't respond to our ping requests", Wait);
            server.WaitForLog("Stale Client Connection - Closing", 2, Wait);
            log.WaitFor("Connection succeeded", Wait);
        }
        scenario.CollectServerLog(server);

        scenario.AssertTopCauses(server: "network", client: "network", both: "network");
    }

    /// <summary>The connection is reset (RST) on both sides, as a firewall or a load balancer that drops a flow does.</summary>
    [Test]
    public async Task Connection_reset_is_network()
    {
        using var scenario = ScenarioWorkspace.Create("network-connection-reset");
        var server = scenario.StartServer();
        using (var log = scenario.OpenClientLog())
        using (var proxy = new ScenarioTcpProxy(server.Port))
        {
            await using var nats = new NatsConnection(ScenarioClient.Options(proxy.Url, "price-feed", log));
            await nats.ConnectAsync();
            await using var sub = await nats.SubscribeCoreAsync<string>("prices.>");
            await nats.PingAsync();

            proxy.Reset();
            server.WaitForLog("Client connection closed: Read Error", Wait);
            log.WaitFor("Connection succeeded", Wait);
        }
        scenario.CollectServerLog(server);

        scenario.AssertTopCauses(server: "network", client: "network", both: "network");
    }
}
