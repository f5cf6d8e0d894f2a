using LogTriage.Fleet;
using LogTriage.Input;
using LogTriage.Tests.Support;

namespace LogTriage.Tests.Fleet;

/// <summary>The fleet's reader of the signal stream, against the real nats-server 2.9 with JetStream.</summary>
[NonParallelizable]
public class FleetReaderTests
{
    private static async Task Publish(INatsJSContext js, string subject, SignalBatch batch, string id) =>
        (await js.PublishAsync(subject, batch.ToJson(), opts: new NatsJSPubOpts { MsgId = id })).EnsureSuccess();

    private static Dictionary<string, List<(long, string)>> Lines(IReadOnlyList<InputSource> sources) =>
        sources.ToDictionary(s => s.Name, s => s.NumberedLines!.Select(l => (l.Number, l.Text)).ToList());

    [Test]
    public async Task A_reader_kept_open_reads_what_arrived_since_and_keeps_every_line_once_in_order()
    {
        using var server = NatsServerProcess.StartJetStream();
        await using var nats = new NatsClient(server.Url);
        var js = nats.CreateJetStreamContext();
        await js.CreateStreamAsync(new StreamConfig("SIGNALS", ["signals.>"]));
        await using var reader = new FleetReader(server.Url, new FleetNames());

        await Publish(js, "signals.c.a.log", new SignalBatch("c/a:nats.log", [new SignalLine(40, "slow consumer"), new SignalLine(7, "auth")]), "1");
        var first = Lines(await reader.ReadAsync());
        Assert.That(first["c/a:nats.log"], Is.EqualTo(new[] { (7L, "auth"), (40L, "slow consumer") }));

        // A later batch of the same input, a batch of another, and a line a redelivered batch carried again.
        await Publish(js, "signals.c.a.log", new SignalBatch("c/a:nats.log", [new SignalLine(12, "reset"), new SignalLine(40, "slow consumer")]), "2");
        await Publish(js, "signals.c.b.log", new SignalBatch("c/b:nats.log", [new SignalLine(3, "panic")]), "3");
        var second = Lines(await reader.ReadAsync());
        Assert.That(second["c/a:nats.log"], Is.EqualTo(new[] { (7L, "auth"), (12L, "reset"), (40L, "slow consumer") }));
        Assert.That(second["c/b:nats.log"], Is.EqualTo(new[] { (3L, "panic") }));

        Assert.That(Lines(await reader.ReadAsync()), Is.EqualTo(second), "nothing new, nothing changes");
    }

    [Test]
    public async Task A_missing_signal_stream_reads_as_empty_for_a_watch_and_as_an_error_for_a_report()
    {
        using var server = NatsServerProcess.StartJetStream();
        await using var reader = new FleetReader(server.Url, new FleetNames());
        Assert.That(await reader.ReadAsync(missingIsEmpty: true), Is.Empty);
        var error = Assert.ThrowsAsync<FleetException>(() => reader.ReadAsync());
        Assert.That(error!.Message, Is.EqualTo($"stream SIGNALS does not exist on {server.Url}: run logtriage worker first"));
    }
}
