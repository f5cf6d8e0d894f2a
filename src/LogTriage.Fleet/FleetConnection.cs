using NATS.Client.Core;
using NATS.Net;

namespace LogTriage.Fleet;

/// <summary>Opens a fleet command's connection, turning a server that cannot be reached into one sentence.</summary>
internal static class FleetConnection
{
    /// <param name="reconnectRetries">How often to retry a lost connection; the default, -1, never gives up (a long-lived worker outlives a server restart).</param>
    public static async Task<NatsClient> OpenAsync(string url, string name, NatsAuthOpts? auth = null, int reconnectRetries = -1)
    {
        var nats = new NatsClient(new NatsOpts { Url = url, Name = name, AuthOpts = auth ?? NatsAuthOpts.Default, MaxReconnectRetry = reconnectRetries });
        try
        {
            await nats.ConnectAsync();
            return nats;
        }
        catch (NatsException e)
        {
            await nats.DisposeAsync();
            throw new FleetException($"cannot connect to {url}: {e.GetBaseException().Message}");
        }
    }
}
