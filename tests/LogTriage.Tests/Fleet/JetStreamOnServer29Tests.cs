using System.Text;
using LogTriage.Tests.Support;
using NATS.Client.Core;
using NATS.Client.KeyValueStore;

namespace LogTriage.Tests.Fleet;

/// <summary>
/// NATS.Net 3.x's JetStream client is tested upstream against current servers, not against the
/// Debian nats-server 2.9 this project ships with. Each JetStream API a fleet of LogTriage
/// processes relies on is proved here against the real 2.9 server before anything is built on it:
/// a stream with a duplicate window, de-duplicated publishes, a durable pull consumer shared by
/// workers with redelivery after the ack wait, and a key-value bucket.
/// </summary>
[NonParallelizable]
public class JetStreamOnServer29Tests
{
    private NatsServerProcess _server = null!;

    [SetUp]
    public void StartJetStream() => _server = NatsServerProcess.StartJetStream();

    [TearDown]
    public void Stop() => _server.Dispose();

    private NatsClient Client() => new(_server.Url);

    [Test]
    public async Task A_stream_with_a_duplicate_window_drops_a_repeated_message_id()
    {
        await using var nats = Client();
        var js = nats.CreateJetStreamContext();
        var stream = await js.CreateStreamAsync(new StreamConfig("LOGS", ["logs.>"]) { DuplicateWindow = TimeSpan.FromMinutes(30) });
        Assert.That(stream.Info.Config.DuplicateWindow, Is.EqualTo(TimeSpan.FromMinutes(30)));

        var first = await js.PublishAsync("logs.c1.s1.nats", Encoding.UTF8.GetBytes("line 1\nline 2"), opts: new NatsJSPubOpts { MsgId = "input-7:0" });
        var again = await js.PublishAsync("logs.c1.s1.nats", Encoding.UTF8.GetBytes("line 1\nline 2"), opts: new NatsJSPubOpts { MsgId = "input-7:0" });
        var next = await js.PublishAsync("logs.c1.s1.nats", Encoding.UTF8.GetBytes("line 3"), opts: new NatsJSPubOpts { MsgId = "input-7:14" });

        Assert.That((first.Duplicate, again.Duplicate, next.Duplicate), Is.EqualTo((false, true, false)));
        await stream.RefreshAsync();
        Assert.That(stream.Info.State.Messages, Is.EqualTo(2));
    }

    [Test]
    public async Task Workers_sharing_a_durable_pull_consumer_get_an_unacked_batch_again_after_the_ack_wait()
    {
        await using var nats = Client();
        var js = nats.CreateJetStreamContext();
        await js.CreateStreamAsync(new StreamConfig("LOGS", ["logs.>"]));
        for (var i = 0; i < 4; i++)
            await js.PublishAsync($"logs.c1.s{i % 2}.nats", Encoding.UTF8.GetBytes($"batch {i}"));
        var consumer = await js.CreateOrUpdateConsumerAsync("LOGS", new ConsumerConfig("workers")
        {
            AckPolicy = ConsumerConfigAckPolicy.Explicit,
            AckWait = TimeSpan.FromSeconds(1),
        });

        // Worker one takes two batches and dies without acking; worker two, on its own
        // connection to the same durable consumer, takes the rest and then the two again.
        await using (var dying = Client())
        {
            var mine = await dying.CreateJetStreamContext().GetConsumerAsync("LOGS", "workers");
            var taken = new List<string>();
            await foreach (var msg in mine.FetchAsync<byte[]>(new NatsJSFetchOpts { MaxMsgs = 2, Expires = TimeSpan.FromSeconds(2) }))
                taken.Add(Encoding.UTF8.GetString(msg.Data!));
            Assert.That(taken, Is.EqualTo(new[] { "batch 0", "batch 1" }));
        }

        var seen = new List<(string Text, ulong Delivered)>();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (seen.Count < 4 && DateTime.UtcNow < deadline)
        {
            await foreach (var msg in consumer.FetchAsync<byte[]>(new NatsJSFetchOpts { MaxMsgs = 4, Expires = TimeSpan.FromSeconds(2) }))
            {
                seen.Add((Encoding.UTF8.GetString(msg.Data!), msg.Metadata!.Value.NumDelivered));
                await msg.AckAsync(new AckOpts { DoubleAck = true }); // wait for the server to record it
            }
        }
        Assert.That(seen.Select(s => s.Text).Order(), Is.EqualTo(new[] { "batch 0", "batch 1", "batch 2", "batch 3" }));
        Assert.That(seen.Where(s => s.Text is "batch 0" or "batch 1").Select(s => s.Delivered), Is.All.EqualTo(2UL), "redelivered once");

        await consumer.RefreshAsync();
        Assert.That(consumer.Info.NumAckPending, Is.EqualTo(0));
    }

    [Test]
    public async Task A_key_value_bucket_keeps_the_latest_value_per_key()
    {
        await using var nats = Client();
        var kv = nats.CreateKeyValueStoreContext();
        var bucket = await kv.CreateStoreAsync(new NatsKVConfig("logtriage-findings"));
        await bucket.PutAsync("auth.s1", "{\"count\":3}");
        await bucket.PutAsync("auth.s1", "{\"count\":5}");
        var entry = await bucket.GetEntryAsync<string>("auth.s1");
        Assert.That(entry.Value, Is.EqualTo("{\"count\":5}"));
        Assert.That(entry.Revision, Is.EqualTo(2UL));
    }
}
