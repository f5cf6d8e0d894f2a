using System.Runtime.InteropServices;
using System.Threading.Channels;
using LogTriage.Input;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;
using NATS.Net;

namespace LogTriage.Fleet;

/// <summary>
/// One of any number of workers sharing a durable pull consumer on the log stream. For each batch
/// it reads the lines, keeps those of the events a rule matches, publishes them to the signal
/// stream under an id derived from the batch (a redelivered batch's signals are dropped as
/// duplicates), and only then acknowledges the batch, so a worker killed mid-batch loses nothing.
/// </summary>
public sealed class LogWorker(LogAnalyzer analyzer, string url, FleetNames names)
{
    /// <summary>How long an unacknowledged batch waits before another worker gets it.</summary>
    public TimeSpan AckWait { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Stop when a fetch finds the stream drained (cron, tests), instead of waiting for more.</summary>
    public bool StopWhenDrained { get; init; }

    public async Task<WorkerResult> RunAsync(CancellationToken stop)
    {
        await using var nats = await FleetConnection.OpenAsync(url, "logtriage-worker");
        var js = nats.CreateJetStreamContext();
        INatsJSConsumer consumer;
        try
        {
            await js.CreateOrUpdateStreamAsync(new StreamConfig(names.SignalStream, [FleetNames.SignalPrefix + ".>"]) { DuplicateWindow = TimeSpan.FromHours(1) }, stop);
            consumer = await js.CreateOrUpdateConsumerAsync(names.LogStream, new ConsumerConfig(names.Consumer)
            {
                AckPolicy = ConsumerConfigAckPolicy.Explicit,
                AckWait = AckWait,
            }, stop);
        }
        catch (NatsNoRespondersException)
        {
            throw new FleetException($"JetStream is not enabled on {url}");
        }
        catch (NatsJSApiException e) when (e.Error.ErrCode == 10059)
        {
            throw new FleetException($"stream {names.LogStream} does not exist on {url} (logtriage ship --create makes it)");
        }

        // Three things overlap: fetching the next batches, analysing one, and publishing the
        // previous one's signals and acknowledging it. Each waits for the network, the middle one for
        // the CPU; done one after the other, a worker spent half its time idle.
        var inbox = Channel.CreateBounded<INatsJSMsg<NatsMemoryOwner<byte>>>(new BoundedChannelOptions(BatchesPerFetch) { SingleReader = true, SingleWriter = true });
        var progress = new Progress();
        var fetching = FetchAsync(consumer, inbox.Writer, progress, stop);
        try
        {
            Task? finishing = null;
            await foreach (var msg in inbox.Reader.ReadAllAsync(CancellationToken.None))
            {
                if (stop.IsCancellationRequested)
                {
                    // Stopping: the batches fetched but not begun go back to the other workers at
                    // once, rather than after the ack wait.
                    await GiveBackAsync(msg);
                    continue;
                }
                var signals = Signals(msg);
                if (finishing is not null)
                    await finishing;
                finishing = FinishAsync(js, msg, signals, progress);
            }
            if (finishing is not null)
                await finishing;
        }
        finally
        {
            // A failed publish ends the run; the fetch loop must not wait on an inbox nobody reads.
            inbox.Writer.TryComplete();
        }
        await fetching;
        return new WorkerResult(progress.Batches, progress.Lines, progress.SignalLines);
    }

    /// <summary>
    /// Fetches batches into the inbox until stopped, or, for <see cref="StopWhenDrained"/>, until
    /// nothing is left to deliver and nothing is held by another worker: a batch held by a worker
    /// that died comes back after the ack wait, and must still be done.
    /// </summary>
    private async Task FetchAsync(INatsJSConsumer consumer, ChannelWriter<INatsJSMsg<NatsMemoryOwner<byte>>> inbox, Progress progress, CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var got = 0;
                await foreach (var msg in Fetch(consumer, stop))
                {
                    got++;
                    Interlocked.Increment(ref progress.Held);
                    await inbox.WriteAsync(msg, CancellationToken.None);
                }
                if (got > 0 || !StopWhenDrained)
                    continue;
                await consumer.RefreshAsync(stop);
                // What the server counts as delivered and unacknowledged beyond this worker's own is another's.
                if (consumer.Info.NumPending == 0 && consumer.Info.NumAckPending <= Volatile.Read(ref progress.Held))
                    break;
                await Task.Delay(DrainPoll, stop);
            }
            inbox.TryComplete();
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            inbox.TryComplete();
        }
        catch (Exception e)
        {
            inbox.TryComplete(e);
        }
    }

    /// <summary>
    /// The batch's signals go to the signal stream first; only once stored is the batch
    /// acknowledged. A batch analysed is finished even when a stop comes meanwhile.
    /// </summary>
    private static async Task FinishAsync(INatsJSContext js, INatsJSMsg<NatsMemoryOwner<byte>> msg, SignalBatch signals, Progress progress)
    {
        var id = msg.Headers?["Nats-Msg-Id"].ToString() is { Length: > 0 } shipped ? shipped : $"{msg.Metadata?.Sequence.Stream}";
        var ack = await js.PublishAsync(FleetNames.SignalSubjectFor(msg.Subject), signals.ToJson(),
            opts: new NatsJSPubOpts { MsgId = "signals:" + id });
        if (ack.Error is { } error)
            throw new FleetException($"the signal stream refused a batch: {error.Description}");
        await msg.AckAsync(new AckOpts { DoubleAck = true });
        Interlocked.Decrement(ref progress.Held);
        progress.Batches++;
        progress.Lines += msg.Headers?[ShipHeaders.Lines].ToString() is { } n && long.TryParse(n, out var count) ? count : 0;
        progress.SignalLines += signals.Lines.Count;
    }

    private static async Task GiveBackAsync(INatsJSMsg<NatsMemoryOwner<byte>> msg)
    {
        msg.Data.Dispose();
        try
        {
            await msg.NakAsync(cancellationToken: CancellationToken.None);
        }
        catch (NatsException)
        {
            // Unacknowledged, it comes back after the ack wait all the same.
        }
    }

    /// <summary>What one worker run has done; the counters are written by one batch's finish at a time.</summary>
    private sealed class Progress
    {
        public long Held;
        public long Batches;
        public long Lines;
        public long SignalLines;
    }

    /// <summary>Batches a fetch asks for: about this many MB in flight while one is analysed.</summary>
    private const int BatchesPerFetch = 8;

    private static readonly TimeSpan DrainPoll = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// A long-running worker waits on the server for the next batches; a draining one (--once) asks
    /// without waiting, so it ends as soon as the stream is empty rather than after a fetch timeout.
    /// </summary>
    private IAsyncEnumerable<INatsJSMsg<NatsMemoryOwner<byte>>> Fetch(INatsJSConsumer consumer, CancellationToken stop) =>
        StopWhenDrained
            ? consumer.FetchNoWaitAsync<NatsMemoryOwner<byte>>(new NatsJSFetchOpts { MaxMsgs = BatchesPerFetch }, cancellationToken: stop)
            : consumer.FetchAsync<NatsMemoryOwner<byte>>(new NatsJSFetchOpts { MaxMsgs = BatchesPerFetch, Expires = TimeSpan.FromSeconds(5) }, cancellationToken: stop);

    private SignalBatch Signals(INatsJSMsg<NatsMemoryOwner<byte>> msg)
    {
        // The batch (about 1 MB) arrives in a pooled buffer: a fresh array per batch would be a
        // large-object allocation each time, and the collections they cause cost more than parsing.
        using var owner = msg.Data;
        // Many hosts ship a /var/log/nats/nats.log: the fleet tells them apart by cluster and server.
        var input = Origin(msg.Subject) + (msg.Headers?[ShipHeaders.Input].ToString() ?? msg.Subject);
        var first = msg.Headers?[ShipHeaders.FirstLine].ToString() is { } text && long.TryParse(text, out var n) ? n : 1;
        var data = MemoryMarshal.TryGetArray<byte>(owner.Memory, out var segment) ? segment : new ArraySegment<byte>(owner.Memory.ToArray());
        var source = new InputSource(input, () => new MemoryStream(data.Array!, data.Offset, data.Count, writable: false), data.Count) { FirstLine = first };
        return SignalBatch.Of(input, analyzer.SignalLines(source));
    }

    /// <summary><c>logs.&lt;cluster&gt;.&lt;server&gt;.&lt;source&gt;</c> gives <c>cluster/server:</c>.</summary>
    public static string Origin(string subject)
    {
        var tokens = subject.Split('.');
        return tokens.Length >= 3 ? $"{tokens[1]}/{tokens[2]}:" : "";
    }
}

/// <summary>What a worker did: batches handled, the lines in them, and the signal lines it kept.</summary>
public sealed record WorkerResult(long Batches, long Lines, long SignalLines);
