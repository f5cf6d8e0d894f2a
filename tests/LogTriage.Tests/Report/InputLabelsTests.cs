using LogTriage.Report;

namespace LogTriage.Tests.Report;

public class InputLabelsTests
{
    [Test]
    public void Files_are_named_by_their_file_name()
    {
        var labels = new InputLabels(["/var/log/nats/nats-server.log", "/home/app/orders.log"]);
        Assert.That(labels.Of("/var/log/nats/nats-server.log"), Is.EqualTo("nats-server.log"));
        Assert.That(labels.Of("/home/app/orders.log"), Is.EqualTo("orders.log"));
    }

    [Test]
    public void A_fleets_inputs_keep_their_server_in_front()
    {
        var labels = new InputLabels(["prod/nats-a:/var/log/nats/nats.log", "prod/nats-b:/var/log/nats/nats.log"]);
        Assert.That(labels.Of("prod/nats-a:/var/log/nats/nats.log"), Is.EqualTo("nats-a:nats.log"));
        Assert.That(labels.Of("prod/nats-b:/var/log/nats/nats.log"), Is.EqualTo("nats-b:nats.log"));
    }

    [Test]
    public void Inputs_that_would_read_the_same_keep_their_whole_name()
    {
        var labels = new InputLabels(["node1/nats.log", "node2/nats.log", "/tmp/app.log"]);
        Assert.That(labels.Of("node1/nats.log"), Is.EqualTo("node1/nats.log"));
        Assert.That(labels.Of("node2/nats.log"), Is.EqualTo("node2/nats.log"));
        Assert.That(labels.Of("/tmp/app.log"), Is.EqualTo("app.log"));
    }
}
