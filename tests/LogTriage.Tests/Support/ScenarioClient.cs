using NATS.Client.Core;

namespace LogTriage.Tests.Support;

/// <summary>
/// NATS.Net connections as a scenario's application makes them: named, logging through the
/// application's Serilog logger, with short ping intervals and reconnect waits so a scenario's
/// disconnects and reconnects happen within seconds.
/// </summary>
public static class ScenarioClient
{
    public static NatsOpts Options(string url, string name, ScenarioClientLog log) => new()
    {
        Url = url,
        Name = name,
        LoggerFactory = log.Factory,
        PingInterval = TimeSpan.FromSeconds(1),
        MaxPingOut = 2,
        ReconnectWaitMin = TimeSpan.FromMilliseconds(100),
        ReconnectWaitMax = TimeSpan.FromMilliseconds(300),
        ReconnectJitter = TimeSpan.FromMilliseconds(50),
        MaxReconnectRetry = 3,
        ConnectTimeout = TimeSpan.FromSeconds(2),
        RequestTimeout = TimeSpan.FromSeconds(2),
        CommandTimeout = TimeSpan.FromSeconds(2),
    };

    public static NatsAuthOpts UserPassword(string user, string password) => NatsAuthOpts.Default with { Username = user, Password = password };
}
