using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;

namespace LogTriage.Fleet;

/// <summary>
/// Makes sure the log stream is there before anything is shipped (creating it when asked), and
/// turns the ways it cannot be into one sentence for the person shipping.
/// </summary>
internal sealed class StreamCheck(ShipOptions options)
{
    private const int SubjectsOverlap = 10065;

    public async Task EnsureAsync(INatsJSContext js, CancellationToken cancel)
    {
        try
        {
            await js.GetStreamAsync(options.Stream, cancellationToken: cancel);
        }
        catch (NatsJSApiException e) when (e.Error.ErrCode == 10059)
        {
            if (!options.Create)
                throw new FleetException($"stream {options.Stream} does not exist on {options.Url} (--create makes it)");
            try
            {
                await js.CreateStreamAsync(new StreamConfig(options.Stream, [LogSubject.All])
                {
                    DuplicateWindow = options.DuplicateWindow,
                    MaxAge = options.MaxAge,
                    Storage = StreamConfigStorage.File,
                }, cancel);
            }
            catch (NatsJSApiException overlap) when (overlap.Error.ErrCode == SubjectsOverlap)
            {
                throw new FleetException($"cannot create stream {options.Stream}: another stream on {options.Url} already takes the subjects {LogSubject.All} (ship to that one with --stream NAME)");
            }
        }
        catch (NatsNoRespondersException)
        {
            throw new FleetException($"JetStream is not enabled on {options.Url}: start nats-server with -js (or a jetstream block in its configuration)");
        }
        catch (NatsJSApiException e) when (e.Error.ErrCode is 10039 or 10076)
        {
            throw new FleetException($"JetStream is not enabled for this account on {options.Url}: {e.Error.Description}");
        }
    }
}
