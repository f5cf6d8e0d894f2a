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
    /// The application is configured with the wrong port, one where another service listens and
    /// says nothing (as an HTTP port does): the connection is accepted but no NATS greeting comes.
    /// The server it should have used runs and sees nothing of it, so its log names no cause.
    /// (Where nothing listens at all, the refusal reads as a server that is away: unreachable.)
    /// </summary>
    [Test]
    public async Task Client_pointed_at_a_wrong_port_is_client()
    {
        using var scenario = ScenarioWorkspace.Create("client-wrong-port");
        var server = scenario.StartServer();
        using var otherService = new TcpListener(IPAddress.Loopback, 0);
        otherService.Start();
        var accepted = new List<Socket>();
        var accepting = AcceptSilently(otherService, accepted);
        using (var log = scenario.OpenClientLog())
        {
            var wrongUrl = $"nats://127.0.0.1:{((IPEndPoint)otherService.LocalEndpoint).Port}";
            var options = ScenarioClient.Options(wrongUrl, "report-generator", log) with { ConnectTimeout = TimeSpan.FromSeconds(1) };
            await using var nats = new NatsConnection(options);
            var failure = Assert.ThrowsAsync<NatsException>(async () => await nats.ConnectAsync());
            log.App.LogError(failure, "Could not connect to NATS at {Url}", wrongUrl);
        }
        otherService.Stop();
        await accepting;
        foreach (var socket in accepted)
            socket.Dispose();
        scenario.CollectServerLog(server);

        scenario.AssertTopCauses(server: null, client: "client", both: "client");
    }

    private static async Task AcceptSilently(TcpListener listener, List<Socket> accepted)
    {
        try
        {
            while (true)
                accepted.Add(await listener.AcceptSocketAsync());
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // stopped
        }
    }
}
