using System.Text;
using System.Threading.Channels;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Net;

namespace LogTriage.Fleet;

/// <summary>
/// Subscribes, with the system account's credentials, to the servers' disconnect and auth-error
/// advisories (<c>$SYS.ACCOUNT.*.DISCONNECT</c>, <c>$SYS.SERVER.*.CLIENT.AUTH.ERR</c>) and ships
/// them into the log stream one JSON object per line, on <c>logs.&lt;cluster&gt;.&lt;server&gt;.advisories</c>,
/// in batches flushed every few seconds, until stopped. Workers read them as the
/// <c>nats-advisory</c> format, so a fleet whose servers log at INFO still shows why clients left.
/// </summary>
public sealed class AdvisoryShipper(ShipOptions options, NatsAuthOpts systemAccount)
{
    public static readonly string[] Subjects = ["$SYS.ACCOUNT.*.DISCONNECT", "$SYS.SERVER.*.CLIENT.AUTH.ERR"];

    /// <summary>A batch is published at the latest this long after its first advisory.</summary>
    public TimeSpan FlushAfter { get; init; } = TimeSpan.FromSeconds(2);

    public async Task<ShipResult> RunAsync(CancellationToken stop)
    {
        await using var system = await FleetConnection.OpenAsync(options.Url, "logtriage-ship-advisories", systemAccount);
        await using var nats = await FleetConnection.OpenAsync(options.Url, "logtriage-ship");
        var js = nats.CreateJetStreamContext();
        await new StreamCheck(options).EnsureAsync(js, stop);

        var advisories = Channel.CreateUnbounded<string>();
        var listeners = Subjects.Select(subject => Listen(system, subject, advisories.Writer, stop)).ToList();
        // Lines are numbered within this run; the input's name carries the run's start, so two runs never share numbers.
        var input = $"advisories-{DateTimeOffset.UtcNow:yyyyMMddTHHmmssfffZ}";
        var subject = LogSubject.For(options.Cluster, options.Server, options.Source ?? "advisories");
        var batch = new List<string>();
        long number = 0, first = 1;
        var total = ShipResult.None;
        var due = DateTime.MaxValue;
        while (true)
        {
            var wait = due == DateTime.MaxValue ? Timeout.InfiniteTimeSpan : due - DateTime.UtcNow;
            string? line = null;
            try
            {
                using var timer = CancellationTokenSource.CreateLinkedTokenSource(stop);
                if (wait != Timeout.InfiniteTimeSpan)
                    timer.CancelAfter(wait > TimeSpan.Zero ? wait : TimeSpan.Zero);
                line = await advisories.Reader.ReadAsync(timer.Token);
            }
            catch (OperationCanceledException)
            {
            }
            if (line is not null)
            {
                if (batch.Count == 0)
                {
                    first = number + 1;
                    due = DateTime.UtcNow + FlushAfter;
                }
                batch.Add(line);
                number++;
            }
            if (batch.Count > 0 && (DateTime.UtcNow >= due || stop.IsCancellationRequested))
            {
                total += await PublishAsync(js, subject, input, first, batch);
                batch.Clear();
                due = DateTime.MaxValue;
            }
            if (stop.IsCancellationRequested && batch.Count == 0)
                break;
        }
        await Task.WhenAll(listeners);
        return total;
    }

    private static async Task Listen(NatsClient system, string subject, ChannelWriter<string> advisories, CancellationToken stop)
    {
        try
        {
            await foreach (var msg in system.SubscribeAsync<byte[]>(subject, cancellationToken: stop))
                if (msg.Data is { Length: > 0 } data)
                    await advisories.WriteAsync(Encoding.UTF8.GetString(data).ReplaceLineEndings(" "), stop);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static async Task<ShipResult> PublishAsync(INatsJSContext js, string subject, string input, long first, List<string> lines)
    {
        var headers = new NatsHeaders
        {
            [ShipHeaders.Host] = Environment.MachineName,
            [ShipHeaders.Input] = input,
            [ShipHeaders.FirstLine] = first.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [ShipHeaders.Lines] = lines.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var data = Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\n")));
        var ack = await js.PublishAsync(subject, data, headers: headers, opts: new NatsJSPubOpts { MsgId = $"{input}:{first}-{first + lines.Count - 1}" });
        if (ack.Error is { } error)
            throw new FleetException($"JetStream refused a batch of advisories: {error.Description} ({error.ErrCode})");
        return new ShipResult(lines.Count, 1, ack.Duplicate ? 1 : 0, data.Length);
    }

}
