using LogTriage.Input;
using LogTriage.Parsing;
using LogTriage.Tests.Support;

namespace LogTriage.Tests.Rules;

/// <summary>
/// What the official clients really print (Parsing/Fixtures/clients, made by nats.js, NATS.Client
/// v1, nats.c, CPython and the JVM) is read by the whole pipeline and named with the right cause.
/// A refused connection reads as the server away, first connection or not; a first connection
/// that failed any other way (a time-out, DNS, TLS) is the client's.
/// </summary>
public class ClientOutputRuleTests
{
    private static string Fixture(string name) =>
        Path.Combine(TestContext.CurrentContext.TestDirectory, "Parsing", "Fixtures", "clients", name);

    private static AnalysisResult Analyze(string name) => ShippedRules.Analyzer.Analyze([InputSource.FromFile(Fixture(name))]);

    [TestCase("nats-js-v2-connect-refused.log", "unreachable", "client.unreachable.refused-other-clients")]
    [TestCase("nats-c-no-server.log", "unreachable", "client.unreachable.refused-other-clients")]
    [TestCase("jvm-caused-by.log", "unreachable", "client.unreachable.connection-refused")]
    [TestCase("nats-js-v2-authorization-violation.log", "auth", "client.auth.authorization-violation")]
    [TestCase("nats-client-v1-authorization-violation.log", "auth", "client.auth.authorization-violation")]
    [TestCase("nats-c-authentication-violation.log", "auth", "client.auth.refused-other-clients")]
    [TestCase("nats-client-v1-no-responders.log", "client", "client.client.no-responders")]
    [TestCase("nats-c-no-responders.log", "client", "client.client.no-responders")]
    [TestCase("nats-client-v1-connect-refused.log", "unreachable", "client.unreachable.connection-refused")]
    [TestCase("nats-js-v2-permissions-violation.log", "auth", "client.auth.permissions-violation-code")]
    [TestCase("pino-nats-js-v2-connect-refused.log", "unreachable", "client.unreachable.refused-other-clients")]
    public void The_top_cause_of_a_clients_own_output(string fixture, string cause, string rule)
    {
        var result = Analyze(fixture);
        Assert.That(result.Causes, Is.Not.Empty);
        Assert.That(result.Causes[0].Cause, Is.EqualTo(cause));
        Assert.That(result.Causes[0].Rules, Does.Contain(rule));
    }

    [Test]
    public void The_default_error_listener_of_jnats_is_read_with_its_times()
    {
        var result = Analyze("jul-jnats-error-listener.log");
        Assert.That(result.Causes.Select(c => c.Cause), Is.EquivalentTo(new[] { "unreachable", "network" }));
        var network = result.Causes.Single(c => c.Cause == "network");
        Assert.That(network.Rules, Is.EqualTo(new[] { "client.network.stale-connection" }));
        Assert.That(network.FirstSeen, Is.EqualTo(new DateTimeOffset(2026, 12, 3, 7, 35, 8, TimeSpan.Zero)));
    }

    [Test]
    public void A_first_connect_that_was_refused_reads_as_the_server_away_in_every_client()
    {
        // As nats.go's "no servers available" and nats.js' CONNECTION_REFUSED do: nothing listened there.
        var result = Analyze("nats-client-v1-connect-refused.log");
        Assert.That(result.Causes.Select(c => c.Cause), Is.EqualTo(new[] { "unreachable" }));
    }

    [Test]
    public void A_first_connect_that_failed_otherwise_is_the_clients()
    {
        var text = """
            Unhandled exception. NATS.Client.NATSConnectionException: timeout
               at NATS.Client.Connection.connect(Boolean reconnectOnConnect)
               at NATS.Client.ConnectionFactory.CreateConnection(Options opts, Boolean reconnectOnConnect)
               at Program.<Main>$(String[] args) in /tmp/v1/Program.cs:line 13
            """;
        var result = ShippedRules.Analyzer.Analyze([InputSource.FromText("v1-timeout.log", text)]);
        Assert.That(result.Causes.Select(c => c.Cause).FirstOrDefault(), Is.EqualTo("client"));
        Assert.That(result.Causes[0].Rules, Does.Contain("client.client.first-connect-failed"));
    }

    [Test]
    public void Requests_without_responders_and_without_replies_are_the_clients_and_the_later_refusal_unreachable()
    {
        var result = Analyze("nats-js-v2-request-and-reconnect.log");
        var client = result.Causes.Single(c => c.Cause == "client");
        Assert.That(client.Rules, Is.SupersetOf(new[] { "client.client.no-responders", "client.client.request-timeout" }));
        var unreachable = result.Causes.Single(c => c.Cause == "unreachable");
        // The refusal is the telling line; the status events that never end in a reconnect back it up.
        Assert.That(unreachable.Rules, Is.SupersetOf(new[] { "client.unreachable.refused-other-clients", "client.unreachable.reconnect-never-succeeded" }));
        Assert.That(unreachable.Evidence.First().Event.Message, Does.StartWith("closed: CONNECTION_REFUSED"));
        Assert.That(unreachable.Evidence.Select(e => e.Event.Message), Has.None.Contains("no responders"));
    }

    [Test]
    public void A_python_first_connect_is_named_by_its_NoServersError_and_the_refusals_by_the_error_callback()
    {
        var result = Analyze("python-traceback-chain.log");
        var client = result.Causes.Single(c => c.Cause == "client");
        Assert.That(client.Rules, Is.EqualTo(new[] { "client.client.first-connect-failed" }));
        Assert.That(client.Evidence.Single().Event.Line, Is.EqualTo(24));
        var unreachable = result.Causes.Single(c => c.Cause == "unreachable");
        Assert.That(unreachable.Rules, Is.EqualTo(new[] { "client.unreachable.refused-other-clients" }),
            "the NoServersError reaching the application is not read as a server gone away");
    }

    [Test]
    public void Publishing_after_close_is_the_applications_doing()
    {
        var result = Analyze("nats-js-v2-permissions-violation.log");
        var client = result.Causes.Single(c => c.Cause == "client");
        Assert.That(client.Rules, Is.EqualTo(new[] { "client.client.used-after-close" }));
        Assert.That(client.Evidence.Single().Event.Message, Is.EqualTo("publish failed: CONNECTION_CLOSED"));
    }

    [Test]
    public void The_disconnect_status_of_nats_js_is_context()
    {
        var result = Analyze("nats-js-v2-request-and-reconnect.log");
        var context = result.Context.Single(c => c.Rules.Contains("client.network.disconnect-event"));
        Assert.That(context.Count, Is.EqualTo(4), "one disconnect and three reconnecting attempts");
    }
}
