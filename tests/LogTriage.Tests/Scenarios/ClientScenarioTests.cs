using System.Net;
using System.Net.Sockets;
using LogTriage.Tests.Support;
using Microsoft.Extensions.Logging;
using NATS.Client.Core;

namespace LogTriage.Tests.Scenarios;

/// <summary>A misconfigured client (samples-logs/scenarios/README.md).</summary>
[Category("Scenario"), NonParallelizable]
public class ClientScenarioTests
{
    /// <summary>
    /// The application is configured with the wrong port: nothing listens there. The server it
    /// should have used runs and sees nothing of it, so its log names no cause.
    /// </summary>
    [Test]
    public async Task Client_pointed_at_a_wrong_port_is_client()
    {
        using var scenario = ScenarioWorkspace.Create("client-wrong-port");
        var server = scenario.StartServer();
        using (var log = scenario.OpenClientLog())
        {
            var wrongUrl = $"nats://127.0.0.1:{UnusedPort()}";
            await using var nats = new NatsConnection(ScenarioClient.Options(wrongUrl, "report-generator", log));
            var failure = Assert.ThrowsAsync<NatsException>(async () => await nats.ConnectAsync());
            log.App.LogError(failure, "Could not connect to NATS at {Url}", wrongUrl);
        }
        scenario.CollectServerLog(server);

        scenario.AssertTopCauses(server: null, client: "client", both: "client");
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
