using LogTriage.Input;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Net;

namespace LogTriage.Fleet;

/// <summary>
/// Reads the signal stream and turns it back into inputs: per original input, its signal lines
/// in line order, each once (a batch published twice is one message already; a line is kept once
/// however many batches carried it), with the original line numbers, so the same rules reach the
/// causes a single process reaches on the whole files.
/// One reader keeps its connection, its consumer and what it has read: each
/// <see cref="ReadAsync"/> fetches only what arrived since the last, so a watch that reads every
/// few seconds costs the new signals, not the whole stream again.
/// </summary>
public sealed class FleetReader(string url, FleetNames names) : IAsyncDisposable
{
    private readonly SortedDictionary<string, SortedDictionary<long, string>> _byInput = new(StringComparer.Ordinal);
    private NatsClient? _nats;
    private INatsJSConsumer? _consumer;
    private ulong _lastRead;

    /// <param name="missingIsEmpty">A signal stream no worker has created yet reads as empty (a watcher started first), not as an error.</param>
    public async Task<IReadOnlyList<InputSource>> ReadAsync(CancellationToken cancel = default, bool missingIsEmpty = false)
    {
        _nats ??= await FleetConnection.OpenAsync(url, "logtriage-fleet");
        var js = _nats.CreateJetStreamContext();
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

        var last = stream.Info.State.LastSeq;
        if (last > _lastRead)
        {
            _consumer ??= await js.CreateOrderedConsumerAsync(names.SignalStream, cancellationToken: cancel);
            while (_lastRead < last)
            {
                // Ask for no more than is left, or the fetch waits out its expiry for messages that will not come.
                var wanted = (int)Math.Min(256, (long)(last - _lastRead));
                await foreach (var msg in _consumer.FetchAsync<byte[]>(new NatsJSFetchOpts { MaxMsgs = wanted, Expires = TimeSpan.FromSeconds(2) }, cancellationToken: cancel))
                {
                    _lastRead = msg.Metadata?.Sequence.Stream ?? _lastRead + 1;
                    Add(SignalBatch.FromJson(msg.Data));
                }
            }
        }
        return _byInput.Select(i => InputSource.FromNumberedLines(i.Key, i.Value.Select(l => new InputLine(l.Key, l.Value)).ToList())).ToList();
    }

    private void Add(SignalBatch batch)
    {
        if (!_byInput.TryGetValue(batch.Input, out var lines))
            _byInput[batch.Input] = lines = new SortedDictionary<long, string>();
        foreach (var line in batch.Lines)
            lines[line.Number] = line.Text;
    }

    public async ValueTask DisposeAsync()
    {
        if (_nats is not null)
            await _nats.DisposeAsync();
    }
}
