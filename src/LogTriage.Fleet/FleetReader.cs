using LogTriage.Input;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Net;

namespace LogTriage.Fleet;

/// <summary>
/// Reads the signal stream to its end and turns it back into inputs: per original input, its
/// signal lines in line order, each once (a batch published twice is one message already; a
/// line is kept once however many batches carried it), with the original line numbers, so the
/// same rules reach the causes a single process reaches on the whole files.
/// </summary>
public sealed class FleetReader(string url, FleetNames names)
{
    /// <param name="missingIsEmpty">A signal stream no worker has created yet reads as empty (a watcher started first), not as an error.</param>
    public async Task<IReadOnlyList<InputSource>> ReadAsync(CancellationToken cancel = default, bool missingIsEmpty = false)
    {
        await using var nats = await FleetConnection.OpenAsync(url, "logtriage-fleet");
        var js = nats.CreateJetStreamContext();
        INatsJSStream stream;
        try
        {
            stream = await js.GetStreamAsync(names.SignalStream, cancellationToken: cancel);
        }
        catch (NatsJSApiException e) when (e.Error.ErrCode == 10059)
        {
            if (missingIsEmpty)
                return [];
            throw new FleetException($"stream {names.SignalStream} does not exist on {url}: run logtriage worker first");
        }
        catch (NatsNoRespondersException)
        {
            throw new FleetException($"JetStream is not enabled on {url}");
        }

        var byInput = new SortedDictionary<string, SortedDictionary<long, string>>(StringComparer.Ordinal);
        var total = (ulong)stream.Info.State.Messages;
        if (total > 0)
        {
            var consumer = await js.CreateOrderedConsumerAsync(names.SignalStream, cancellationToken: cancel);
            ulong read = 0;
            while (read < total)
            {
                // Ask for no more than is left, or the fetch waits out its expiry for messages that will not come.
                await foreach (var msg in consumer.FetchAsync<byte[]>(new NatsJSFetchOpts { MaxMsgs = (int)Math.Min(256, total - read), Expires = TimeSpan.FromSeconds(2) }, cancellationToken: cancel))
                {
                    read++;
                    var batch = SignalBatch.FromJson(msg.Data);
                    if (!byInput.TryGetValue(batch.Input, out var lines))
                        byInput[batch.Input] = lines = new SortedDictionary<long, string>();
                    foreach (var line in batch.Lines)
                        lines[line.Number] = line.Text;
                }
            }
        }
        return byInput.Select(i => InputSource.FromNumberedLines(i.Key, i.Value.Select(l => new InputLine(l.Key, l.Value)).ToList())).ToList();
    }
}
