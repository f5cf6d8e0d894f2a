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

        long batches = 0, lines = 0, kept = 0;
        while (!stop.IsCancellationRequested)
        {
            var got = 0;
            try
            {
                await foreach (var msg in consumer.FetchAsync<byte[]>(new NatsJSFetchOpts { MaxMsgs = 4, Expires = TimeSpan.FromSeconds(2) }, cancellationToken: stop))
                {
                    got++;
                    var signals = Signals(msg);
                    var id = msg.Headers?["Nats-Msg-Id"].ToString() is { Length: > 0 } shipped ? shipped : $"{msg.Metadata?.Sequence.Stream}";
                    var ack = await js.PublishAsync(FleetNames.SignalSubjectFor(msg.Subject), signals.ToJson(),
                        opts: new NatsJSPubOpts { MsgId = "signals:" + id }, cancellationToken: stop);
                    if (ack.Error is { } error)
                        throw new FleetException($"the signal stream refused a batch: {error.Description}");
                    await msg.AckAsync(new AckOpts { DoubleAck = true }, stop);
                    batches++;
                    lines += msg.Headers?[ShipHeaders.Lines].ToString() is { } n && long.TryParse(n, out var count) ? count : 0;
                    kept += signals.Lines.Count;
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
            if (got == 0 && StopWhenDrained)
            {
                // Drained means nothing left to deliver and nothing another worker still holds:
                // a batch held by a worker that died comes back after the ack wait.
                await consumer.RefreshAsync(stop);
                if (consumer.Info.NumPending == 0 && consumer.Info.NumAckPending == 0)
                    break;
            }
        }
        return new WorkerResult(batches, lines, kept);
    }

    private SignalBatch Signals(INatsJSMsg<byte[]> msg)
    {
        // Many hosts ship a /var/log/nats/nats.log: the fleet tells them apart by cluster and server.
        var input = Origin(msg.Subject) + (msg.Headers?[ShipHeaders.Input].ToString() ?? msg.Subject);
        var first = msg.Headers?[ShipHeaders.FirstLine].ToString() is { } text && long.TryParse(text, out var n) ? n : 1;
        var data = msg.Data ?? [];
        var source = new InputSource(input, () => new MemoryStream(data, writable: false), data.Length) { FirstLine = first };
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
