using LogTriage.Tests.Support;
using Microsoft.Extensions.Logging;
using NATS.Client.Core;

namespace LogTriage.Tests.Scenarios;

/// <summary>Oversized and malformed messages against the real server (samples-logs/scenarios/README.md).</summary>
[Category("Scenario"), NonParallelizable]
public class PayloadScenarioTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    /// <summary>
    /// NATS.Net knows the server's max_payload from INFO and refuses the publish itself, before a
    /// byte is sent: the client log has the application's error with the library's exception, the
    /// server sees nothing. A client that does not check (here a raw socket, as an old or a
    /// hand-written client would) sends the PUB, and the server closes it: that is the server log.
    /// </summary>
    [Test]
    public async Task Message_over_max_payload_is_payload()
    {
        using var scenario = ScenarioWorkspace.Create("payload-max-payload");
        var server = scenario.StartServer("max_payload: 1024");
        using (var log = scenario.OpenClientLog())
        {
            await using var nats = new NatsConnection(ScenarioClient.Options(server.Url, "image-uploader", log));
            await nats.ConnectAsync();
            var image = new byte[4096];
            try
            {
                await nats.PublishAsync("images.thumbnails", image);
                Assert.Fail("NATS.Net published 4096 bytes to a server with max_payload 1024");
            }
            catch (NatsException e)
            {
                log.App.LogError(e, "Could not publish {Bytes} bytes to {Subject}", image.Length, "images.thumbnails");
            }
            Assert.That(nats.ConnectionState, Is.EqualTo(NatsConnectionState.Open), "the client-side refusal keeps the connection");
        }

        using (var raw = ScenarioRawClient.Connect(server.Port, "image-uploader-raw"))
        {
            raw.Send("PUB images.thumbnails 4096\r\n" + new string('x', 4096) + "\r\n");
            Assert.That(raw.Expect("-ERR"), Does.Contain("Maximum Payload Violation"));
        }
        server.WaitForLog("Client connection closed: Maximum Message Payload Exceeded", Wait);
        scenario.CollectServerLog(server);

        scenario.AssertTopCauses(server: "payload", client: "payload", both: "payload");
    }

    /// <summary>
    /// Bytes that are not NATS protocol on the client port (an HTTP request here). No NATS client
    /// library sends this, so there is no client log: server log only.
    /// </summary>
    [Test]
    public void Protocol_garbage_is_payload()
    {
        using var scenario = ScenarioWorkspace.Create("payload-protocol-garbage");
        var server = scenario.StartServer();
        using (var raw = ScenarioRawClient.Open(server.Port))
        {
            raw.Send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            Assert.That(raw.Expect("-ERR"), Does.Contain("Unknown Protocol Operation"));
        }
        server.WaitForLog("Client connection closed: Protocol Violation", Wait);
        scenario.CollectServerLog(server);

        scenario.AssertServerTopCause("payload");
    }
}
