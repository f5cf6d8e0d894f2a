using LogTriage.Parsing;

namespace LogTriage.Tests.Parsing;

public class ConnectionPrefixParserTests
{
    [Test]
    public void Reads_a_client_before_connect()
    {
        const string message = "127.0.0.1:35086 - cid:4 - authentication error";
        var c = ConnectionPrefixParser.TryParse(message, out var start);
        Assert.That(c, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(c!.Kind, Is.EqualTo(ConnectionKind.Client));
            Assert.That(c.Id, Is.EqualTo(4));
            Assert.That(c.Host, Is.EqualTo("127.0.0.1"));
            Assert.That(c.Port, Is.EqualTo(35086));
            Assert.That(c.Address, Is.EqualTo("127.0.0.1:35086"));
            Assert.That(message[start..], Is.EqualTo("authentication error"));
        });
    }

    [Test]
    public void Reads_client_info_and_account_user_after_connect()
    {
        const string message = "10.0.0.1:51234 - cid:5 - \"v2.8.2:.NET:orders\" - \"APP/user:bob\" - Slow Consumer Detected: MaxPending of 67108864 Exceeded";
        var c = ConnectionPrefixParser.TryParse(message, out var start)!;
        Assert.Multiple(() =>
        {
            Assert.That(c.Version, Is.EqualTo("2.8.2"));
            Assert.That(c.Lang, Is.EqualTo(".NET"));
            Assert.That(c.Name, Is.EqualTo("orders"));
            Assert.That(c.Account, Is.EqualTo("APP"));
            Assert.That(c.User, Is.EqualTo("user:bob"));
            Assert.That(message[start..], Is.EqualTo("Slow Consumer Detected: MaxPending of 67108864 Exceeded"));
        });
    }

    [Test]
    public void Reads_client_info_without_a_name()
    {
        var c = ConnectionPrefixParser.TryParse("127.0.0.1:4000 - cid:9 - \"v1.31.0:go\" - Publish Violation - Subject \"secret\"", out var start)!;
        Assert.That(c.Version, Is.EqualTo("1.31.0"));
        Assert.That(c.Lang, Is.EqualTo("go"));
        Assert.That(c.Name, Is.Null);
    }

    [Test]
    public void Reads_a_name_that_holds_colons_and_escaped_quotes()
    {
        const string message = "127.0.0.1:4000 - cid:9 - \"v2.10.0:nats.js:svc:\\\"a\\\"\" - hello";
        var c = ConnectionPrefixParser.TryParse(message, out var start)!;
        Assert.That(c.Name, Is.EqualTo("svc:\"a\""));
        Assert.That(message[start..], Is.EqualTo("hello"));
    }

    [Test]
    public void Reads_an_in_process_connection_of_an_embedded_server()
    {
        const string message = "pipe - cid:47 - \"v1.13.0:go\" - Slow Consumer Detected: WriteDeadline of 10s exceeded with 1 chunks of 158 total bytes.";
        var c = ConnectionPrefixParser.TryParse(message, out var start)!;
        Assert.Multiple(() =>
        {
            Assert.That(c.Id, Is.EqualTo(47));
            Assert.That(c.Host, Is.EqualTo("pipe"));
            Assert.That(c.Port, Is.Null);
            Assert.That(c.Lang, Is.EqualTo("go"));
            Assert.That(message[start..], Does.StartWith("Slow Consumer Detected"));
            Assert.That(ConnectionPrefixParser.MessageStart(message), Is.EqualTo(start));
        });
    }

    [Test]
    public void A_word_before_a_dash_is_not_an_in_process_connection()
    {
        Assert.That(ConnectionPrefixParser.TryParse("pipeline - cid:4 - hello", out _), Is.Null);
        Assert.That(ConnectionPrefixParser.TryParse("pipe - hello", out _), Is.Null);
    }

    [TestCase("10.0.0.2:6222 - rid:12 - Route connection created", ConnectionKind.Route, 12)]
    [TestCase("10.0.0.2:7222 - gid:3 - Gateway connection closed: Stale Connection", ConnectionKind.Gateway, 3)]
    [TestCase("10.0.0.2:7422 - lid:8 - Leafnode connection created", ConnectionKind.Leafnode, 8)]
    [TestCase("10.0.0.2:443 - lid_ws:8 - Leafnode connection created", ConnectionKind.Leafnode, 8)]
    [TestCase("10.0.0.2:8080 - wid:21 - read error: EOF", ConnectionKind.Websocket, 21)]
    [TestCase("10.0.0.2:1883 - mid:2 - Client connection closed", ConnectionKind.Mqtt, 2)]
    public void Reads_every_connection_kind(string message, ConnectionKind kind, long id)
    {
        var c = ConnectionPrefixParser.TryParse(message, out _)!;
        Assert.That(c.Kind, Is.EqualTo(kind));
        Assert.That(c.Id, Is.EqualTo(id));
    }

    [Test]
    public void Reads_an_ipv6_address()
    {
        var c = ConnectionPrefixParser.TryParse("[::1]:52000 - cid:3 - Client connection created", out _)!;
        Assert.That(c.Host, Is.EqualTo("::1"));
        Assert.That(c.Port, Is.EqualTo(52000));
    }

    [Test]
    public void Reads_an_internal_client()
    {
        var c = ConnectionPrefixParser.TryParse("JETSTREAM - some internal message", out var start)!;
        Assert.That(c.Kind, Is.EqualTo(ConnectionKind.Internal));
        Assert.That("JETSTREAM - some internal message"[start..], Is.EqualTo("some internal message"));
    }

    [TestCase("Server is ready")]
    [TestCase("Starting nats-server")]
    [TestCase("Listening for client connections on 0.0.0.0:4222")]
    [TestCase("Error trying to connect to route (attempt 3): dial tcp 10.0.0.3:6222: connect: connection refused")]
    [TestCase("  Version:  2.9.10")]
    public void Leaves_server_level_messages_alone(string message)
    {
        Assert.That(ConnectionPrefixParser.TryParse(message, out _), Is.Null);
    }
}
