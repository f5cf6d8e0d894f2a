using LogTriage.Tests.Support;
using Microsoft.Extensions.Logging;
using NATS.Client.Core;

namespace LogTriage.Tests.Scenarios;

/// <summary>
/// Authentication and authorization failures made to happen for real: Debian's nats-server and a
/// NATS.Net application logging through Serilog (CLEF). Each scenario checks the top cause of the
/// server log alone, the client log alone and both together (samples-logs/scenarios/README.md).
/// </summary>
[Category("Scenario"), NonParallelizable]
public class AuthScenarioTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Test]
    public async Task Wrong_password_at_connect_is_auth()
    {
        using var scenario = ScenarioWorkspace.Create("auth-wrong-password");
        var server = scenario.StartServer("authorization { user: app, password: s3cret }");
        using (var log = scenario.OpenClientLog())
        {
            var opts = ScenarioClient.Options(server.Url, "orders-service", log) with { AuthOpts = ScenarioClient.UserPassword("app", "wrong-pass") };
            await using var nats = new NatsConnection(opts);
            var failure = Assert.ThrowsAsync<NatsException>(async () => await nats.ConnectAsync());
            log.App.LogError(failure, "Could not connect to NATS at {Url}", server.Url);
        }
        server.WaitForLog("authentication error", Wait);
        scenario.CollectServerLog(server);

        scenario.AssertTopCauses(server: "auth", client: "auth", both: "auth");
    }

    [Test]
    public async Task Credentials_changed_while_connected_is_auth()
    {
        using var scenario = ScenarioWorkspace.Create("auth-credentials-changed");
        var server = scenario.StartServer("authorization { user: app, password: before }");
        using (var log = scenario.OpenClientLog())
        {
            var opts = ScenarioClient.Options(server.Url, "billing-service", log) with { AuthOpts = ScenarioClient.UserPassword("app", "before") };
            await using var nats = new NatsConnection(opts);
            await nats.ConnectAsync();
            await nats.PingAsync();

            // The operator rotates the password and reloads; the running client still holds the old one.
            ScenarioWorkspace.RewriteServerConfig(server, "authorization { user: app, password: after }");
            server.Reload();
            server.WaitForLog("Reloaded server configuration", Wait);

            server.WaitForLog("authentication error", 2, Wait);
            log.WaitFor("Received same authentication error", Wait);
        }
        scenario.CollectServerLog(server);

        scenario.AssertTopCauses(server: "auth", client: "auth", both: "auth");
    }

    [Test]
    public async Task Publish_and_subscribe_without_permission_is_auth()
    {
        using var scenario = ScenarioWorkspace.Create("auth-permissions-violation");
        var server = scenario.StartServer("""
            authorization {
              users = [
                { user: worker, password: w0rker, permissions: { publish: { allow: ["orders.>", "_INBOX.>"] }, subscribe: { allow: ["orders.>", "_INBOX.>"] } } },
                { user: admin, password: adm1n }
              ]
            }
            """);
        using (var log = scenario.OpenClientLog())
        {
            var opts = ScenarioClient.Options(server.Url, "order-worker", log) with { AuthOpts = ScenarioClient.UserPassword("worker", "w0rker") };
            await using var nats = new NatsConnection(opts);
            await nats.ConnectAsync();
            await nats.PublishAsync("orders.created", "order 1");
            await nats.PublishAsync("admin.shutdown", "now");
            await using (var sub = await nats.SubscribeCoreAsync<string>("admin.events"))
            {
                await nats.PingAsync();
                server.WaitForLog("Subscription Violation", Wait);
            }
            server.WaitForLog("Publish Violation", Wait);
            log.WaitFor("Permissions Violation for Subscription", Wait);
        }
        scenario.CollectServerLog(server);

        scenario.AssertTopCauses(server: "auth", client: "auth", both: "auth");
    }
}
