using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using LogTriage.Input;
using LogTriage.Input.Scanning;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;
using NATS.Net;

namespace LogTriage.Fleet;

/// <summary>
/// Publishes inputs' lines to a JetStream stream in batches of about <see cref="ShipOptions.BatchBytes"/>,
/// one message per batch on <c>logs.&lt;cluster&gt;.&lt;server&gt;.&lt;source&gt;</c>, with where the
/// lines came from in headers. Each batch's message id is made of its subject, the input's
/// identity and the batch's line range, and batches are cut the same way on every run, so
/// JetStream's duplicate window drops what a restarted shipper sends again, and only that: the
/// same file shipped for two servers (two pods of one image, two `kubectl logs` of pods started
/// the same second) is two inputs.
/// </summary>
public sealed class LogShipper(ShipOptions options)
{
    private const int HeaderRoom = 4096;

    public async Task<ShipResult> ShipAsync(IReadOnlyList<InputSource> inputs, CancellationToken cancel = default)
    {
        await using var nats = await FleetConnection.OpenAsync(options.Url, "logtriage-ship", reconnectRetries: 3);
        var js = nats.CreateJetStreamContext();
        // A batch must fit the server's max_payload with its headers (1 MB by default).
        var limit = (int)Math.Min(options.BatchBytes, Math.Max(4096, (nats.Connection.ServerInfo?.MaxPayload ?? 1 << 20) - HeaderRoom));
        try
        {
            await new StreamCheck(options).EnsureAsync(js, cancel);
            // Inputs go side by side: a followed file never ends, and must not hold up the others.
            var statistics = inputs.Select(i => new InputStatistics(i.Name)).ToList();
            var results = await Task.WhenAll(inputs.Select((input, i) => ShipInputAsync(js, input, statistics[i], limit, cancel)));
            return results.Aggregate(ShipResult.None, (a, b) => a + b) with { Inputs = statistics };
        }
        catch (NatsException e) when (e is not NatsJSApiException)
        {
            throw new FleetException($"lost {options.Url} while shipping: {e.GetBaseException().Message}");
        }
    }

    private async Task<ShipResult> ShipInputAsync(INatsJSContext js, InputSource input, InputStatistics stats, int limit, CancellationToken cancel)
    {
        var subject = LogSubject.For(options.Cluster, options.Server, options.Source ?? SourceName(input));
        // Lines are read on their own thread: a followed file blocks between lines, and a batch
        // must still go out FlushAfter after its first line.
        var lines = Channel.CreateBounded<InputLine>(new BoundedChannelOptions(16_384) { SingleReader = true, SingleWriter = true });
        var reader = Task.Run(() =>
        {
            try
            {
                foreach (var line in input.ReadLines(stats))
                    if (!lines.Writer.TryWrite(line))
                        lines.Writer.WriteAsync(line, cancel).AsTask().GetAwaiter().GetResult();
                lines.Writer.Complete();
            }
            catch (Exception e)
            {
                lines.Writer.Complete(e is OperationCanceledException ? null : e);
            }
        }, CancellationToken.None);

        var batch = new StringBuilder();
        long first = 0, last = 0, offset = input.SkipBytes, batchOffset = 0, batchBytes = 0;
        var result = ShipResult.None;
        string? identity = null;
        var due = DateTime.MaxValue;
        Task<ShipResult>? pending = null;
        while (true)
        {
            InputLine? next = null;
            var ended = false;
            if (lines.Reader.TryRead(out var ready))
                next = ready;
            else
            {
                // Nothing read yet: wait for a line, but not past the batch's flush time.
                try
                {
                    using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancel);
                    if (due != DateTime.MaxValue)
                        timer.CancelAfter(due > DateTime.UtcNow ? due - DateTime.UtcNow : TimeSpan.Zero);
                    if (await lines.Reader.WaitToReadAsync(timer.Token))
                        next = await lines.Reader.ReadAsync(timer.Token);
                    else
                        ended = true;
                }
                catch (OperationCanceledException)
                {
                    ended = cancel.IsCancellationRequested;
                }
            }

            if (next is { } line)
            {
                identity ??= Identity(input, line.Text);
                var text = line.Text;
                var bytes = Encoding.UTF8.GetByteCount(text) + 1;
                // One line longer than a whole batch is cut, as the analysis cuts over-long lines anyway.
                if (bytes > limit)
                {
                    text = text[..Math.Min(text.Length, limit / 4)];
                    bytes = Encoding.UTF8.GetByteCount(text) + 1;
                }
                // Cut before the line that would overflow the batch, so no batch exceeds the limit.
                if (batch.Length > 0 && batchBytes + bytes > limit)
                    Flush();
                if (batch.Length == 0)
                {
                    first = line.Number;
                    batchOffset = offset;
                    due = DateTime.UtcNow + options.FlushAfter;
                }
                batch.Append(text).Append('\n');
                batchBytes += bytes;
                last = line.Number;
                offset += Encoding.UTF8.GetByteCount(line.Text) + 1;
            }
            if (batch.Length > 0 && (ended || DateTime.UtcNow >= due))
                Flush();
            if (pending is not null)
            {
                result += await pending;
                pending = null;
            }
            if (ended)
                break;
        }
        await reader;
        return result;

        void Flush()
        {
            // Published at once, awaited before the next line: the order of batches is the file's.
            pending = PublishAsync(js, subject, input.Name, identity!, first, last, batchOffset, batch.ToString(), cancel);
            batch.Clear();
            batchBytes = 0;
            due = DateTime.MaxValue;
        }
    }

    private static async Task<ShipResult> PublishAsync(
        INatsJSContext js, string subject, string input, string identity, long first, long last, long offset, string batch, CancellationToken cancel)
    {
        var headers = new NatsHeaders
        {
            [ShipHeaders.Host] = Environment.MachineName,
            [ShipHeaders.Input] = input,
            [ShipHeaders.FirstLine] = first.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [ShipHeaders.Lines] = (last - first + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            [ShipHeaders.Offset] = offset.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var data = Encoding.UTF8.GetBytes(batch);
        var ack = await js.PublishAsync(subject, data, headers: headers, opts: new NatsJSPubOpts { MsgId = $"{subject}:{identity}:{first}-{last}" }, cancellationToken: cancel);
        // A duplicate is what a restarted shipper is meant to send: counted, not an error.
        if (ack.Error is { } error)
            throw new FleetException($"JetStream refused a batch of {input}: {error.Description} ({error.ErrCode})");
        return new ShipResult(last - first + 1, 1, ack.Duplicate ? 1 : 0, data.Length);
    }

    /// <summary>
    /// What names an input across runs: a file's inode and the hash of its first line (a rotated
    /// file keeps both, a truncated or replaced one gets a new identity); standard input has only the hash.
    /// </summary>
    private static string Identity(InputSource input, string firstLine)
    {
        if (input.Name != InputSource.StandardInputName && File.Exists(input.Name))
        {
            var file = FileIdentity.Of(input.Name);
            return $"{file.Inode}-{file.FirstLineHash}";
        }
        return "stdin-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(firstLine)))[..16].ToLowerInvariant();
    }

    private static string SourceName(InputSource input) =>
        input.Name == InputSource.StandardInputName ? "stdin" : Path.GetFileName(input.Name);

}
