using LogTriage.Tests.Support;
using Microsoft.Extensions.Logging;
using NATS.Client.Core;

namespace LogTriage.Tests.Scenarios;

/// <summary>Slow consumers and server limits (samples-logs/scenarios/README.md).</summary>
[Category("Scenario"), NonParallelizable]
public class OverloadScenarioTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    /// <summary>
    /// A subscriber whose application stops taking messages while a publisher floods its subject.
    /// First the traffic is small messages: NATS.Net still reads the socket, its subscription
    /// channel (16 messages) fills and it drops messages with its own slow-consumer warning.
    /// Then the publisher sends 32 KB messages faster than the server can write them to the
    /// subscriber: its pending bytes pass max_pending and the server closes it as a slow consumer;
    /// NATS.Net sees the socket close and reconnects.
    /// (With only small messages the server never cut the subscriber off in 20 s; with only large
    /// ones it was cut off before NATS.Net had 16 messages to drop: both were tried.)
    /// </summary>
    [Test]
    public async Task Slow_consumer_is_overload()
    {
        using var scenario = ScenarioWorkspace.Create("overload-slow-consumer");
        var server = scenario.StartServer("max_payload: 32768\nmax_pending: 65536\nwrite_deadline: \"100ms\"");
        using (var log = scenario.OpenClientLog())
        {
            var subscriberOpts = ScenarioClient.Options(server.Url, "report-builder", log) with { SubPendingChannelCapacity = 16 };
            await using var subscriber = new NatsConnection(subscriberOpts);
            await subscriber.ConnectAsync();
            await using var sub = await subscriber.SubscribeCoreAsync<byte[]>("metrics.>");
            await subscriber.PingAsync();

            // The publisher is another application; its own log is not part of the scenario.
            await using var publisher = new NatsConnection(NatsOpts.Default with { Url = server.Url, Name = "metrics-firehose" });
            await publisher.ConnectAsync();
            var small = new byte[1024];
            for (var i = 0; i < 64; i++)
                await publisher.PublishAsync("metrics.cpu", small);
            await publisher.PingAsync();
            log.WaitFor("Slow consumer detected on subscription", Wait);

            var large = new byte[32 * 1024];
            var deadline = DateTime.UtcNow + Wait;
            while (!server.ReadLog().Contains("Slow Consumer Detected", StringComparison.Ordinal))
            {
                if (DateTime.UtcNow >= deadline)
                    Assert.Fail("the server never closed the slow consumer:\n" + server.ReadLog());
                for (var i = 0; i < 64; i++)
                    await publisher.PublishAsync("metrics.cpu", large);
                await publisher.PingAsync();
            }
            log.WaitFor("Connection succeeded", Wait);
        }
        scenario.CollectServerLog(server);

        scenario.AssertTopCauses(server: "overload", client: "overload", both: "overload");
    }

    /// <summary>The server admits one connection; a second instance of the application is refused.</summary>
    [Test]
    public async Task Max_connections_reached_is_overload()
    {
        using var scenario = ScenarioWorkspace.Create("overload-max-connections");
        var server = scenario.StartServer("max_connections: 1");
        using (var log = scenario.OpenClientLog())
        {
            await using var first = new NatsConnection(ScenarioClient.Options(server.Url, "shipping-1", log));
            await first.ConnectAsync();
            await using var second = new NatsConnection(ScenarioClient.Options(server.Url, "shipping-2", log));
            var failure = Assert.ThrowsAsync<NatsException>(async () => await second.ConnectAsync());
            log.App.LogError(failure, "Could not connect to NATS at {Url}", server.Url);
        }
        server.WaitForLog("maximum connections exceeded", Wait);
        scenario.CollectServerLog(server);

        scenario.AssertTopCauses(server: "overload", client: "overload", both: "overload");
    }
}
