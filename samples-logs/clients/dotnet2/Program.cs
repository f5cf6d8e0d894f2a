// clients-dotnet2: a small NATS.Net application (NuGet `NATS.Net` 3.3.2, the current .NET client)
// used by samples-logs/clients/generate.sh. It logs the way a .NET service usually does: through
// Microsoft.Extensions.Logging's console provider at Information (the default minimum level),
// with a time stamp and no colour, the library's own messages and the application's in the same
// stream; connection events from NatsConnection's events, caught exceptions with the exception.
// An unguarded start-up ends in the runtime's own "Unhandled exception." report.
//
//   clients-dotnet2 SCENARIO URL [USER PASS] [RUN_MS]
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using NATS.Client.Core;

var scenario = args[0];
var url = args[1];
var user = args.Length > 2 ? args[2] : "";
var pass = args.Length > 3 ? args[3] : "";
var runMs = args.Length > 4 ? int.Parse(args[4]) : 2000;

using var loggerFactory = LoggerFactory.Create(b => b
    .SetMinimumLevel(LogLevel.Information)
    .AddSimpleConsole(o =>
    {
        o.ColorBehavior = LoggerColorBehavior.Disabled;
        o.TimestampFormat = "yyyy-MM-dd HH:mm:ss.fff ";
    }));
var log = loggerFactory.CreateLogger("Inventory.Worker");

var auth = NatsAuthOpts.Default;
if (user != "")
    auth = auth with { Username = user, Password = pass };
if (Environment.GetEnvironmentVariable("NATS_CREDS") is { Length: > 0 } creds)
    auth = auth with { CredsFile = creds };
var opts = NatsOpts.Default with
{
    Url = url,
    Name = "inventory-service-net2",
    LoggerFactory = loggerFactory,
    AuthOpts = auth,
    ReconnectWaitMin = TimeSpan.FromMilliseconds(250),
    ReconnectWaitMax = TimeSpan.FromMilliseconds(500),
    MaxReconnectRetry = 8,
    ConnectTimeout = TimeSpan.FromSeconds(5),
};
if (scenario == "network-stale-connection")
    opts = opts with { PingInterval = TimeSpan.FromSeconds(1), MaxPingOut = 2 };

await using var nc = new NatsConnection(opts);
nc.ConnectionDisconnected += (_, e) => { log.LogWarning("NATS disconnected: {Reason}", e.Message); return ValueTask.CompletedTask; };
var opened = 0;
nc.ConnectionOpened += (_, e) =>
{
    if (Interlocked.Increment(ref opened) > 1)
        log.LogInformation("NATS reconnected to {Url}", e.Message);
    return ValueTask.CompletedTask;
};
nc.ReconnectFailed += (_, e) => { log.LogWarning("NATS reconnect failed: {Reason}", e.Message); return ValueTask.CompletedTask; };
nc.LameDuckModeActivated += (_, e) => { log.LogWarning("NATS server entered lame duck mode: {Url}", e); return ValueTask.CompletedTask; };

var unguarded = new[] { "auth-wrong-password", "overload-max-connections", "client-tls-required" };
if (unguarded.Contains(scenario))
{
    await nc.ConnectAsync();
}
else
{
    try
    {
        await nc.ConnectAsync();
    }
    catch (Exception ex)
    {
        log.LogError(ex, "Could not connect to NATS at {Url}", url);
        return 1;
    }
}
log.LogInformation("Connected to {Url} (server {Server})", url, nc.ServerInfo?.Name);

using var stop = new CancellationTokenSource();

async Task Consume(string subject, TimeSpan perMessage)
{
    try
    {
        await foreach (var _ in nc.SubscribeAsync<string>(subject, cancellationToken: stop.Token))
            if (perMessage > TimeSpan.Zero)
                await Task.Delay(perMessage);
    }
    catch (OperationCanceledException)
    {
    }
}

switch (scenario)
{
    case "healthy":
    {
        var consumer = Task.Run(() => Consume("stock.>", TimeSpan.Zero));
        var service = Task.Run(async () =>
        {
            await foreach (var m in nc.SubscribeAsync<string>("stock.lookup", cancellationToken: stop.Token))
                await m.ReplyAsync("{\"available\":12}");
        });
        log.LogInformation("Subscribed to stock.>");
        await Task.Delay(200);
        for (var i = 1; i <= 3; i++)
            await nc.PublishAsync("stock.changed", $"{{\"sku\":{i}}}");
        var reply = await nc.RequestAsync<string, string>("stock.lookup", "{\"sku\":1}");
        log.LogInformation("Reply: {Reply}", reply.Data);
        stop.Cancel();
        break;
    }
    case "auth-permissions-violation":
    {
        var consumer = Task.Run(() => Consume("orders.>", TimeSpan.Zero));
        log.LogInformation("Subscribed to orders.>");
        await nc.PublishAsync("orders.created", "{\"by\":\"worker\"}");
        await nc.PublishAsync("admin.shutdown", "{\"by\":\"worker\"}");
        var admin = Task.Run(() => Consume("admin.events", TimeSpan.Zero));
        await nc.PingAsync();
        await Task.Delay(300);
        stop.Cancel();
        break;
    }
    case "payload-max-payload":
    {
        log.LogInformation("Server max payload is {MaxPayload} bytes", nc.ServerInfo?.MaxPayload);
        try
        {
            await nc.PublishAsync("images.uploaded", new byte[4096]);
        }
        catch (Exception ex)
        {
            log.LogError(ex, "Publish to images.uploaded failed");
        }
        break;
    }
    case "overload-slow-consumer":
    case "overload-client-slow-consumer":
    {
        var consumer = Task.Run(() => Consume("metrics.>", TimeSpan.FromMilliseconds(20)));
        log.LogInformation("Subscribed to metrics.>");
        await Task.Delay(runMs);
        stop.Cancel();
        break;
    }
    case "unreachable-server-stopped":
    case "network-stale-connection":
    case "network-connection-reset":
    case "auth-expired-credentials":
    case "healthy-server-restart":
    case "healthy-cluster-rolling-restart":
    {
        var consumer = Task.Run(() => Consume("prices.>", TimeSpan.Zero));
        log.LogInformation("Subscribed to prices.>");
        var end = DateTime.UtcNow.AddMilliseconds(runMs);
        for (var n = 1; DateTime.UtcNow < end; n++)
        {
            try
            {
                await nc.PublishAsync("ticks.eurusd", $"{{\"tick\":{n}}}");
            }
            catch (Exception ex)
            {
                log.LogError(ex, "Publish to ticks.eurusd failed");
                return 1;
            }
            await Task.Delay(200);
        }
        stop.Cancel();
        break;
    }
    case "client-request-timeout":
    case "no-responders":
    {
        try
        {
            var reply = await nc.RequestAsync<string, string>("stock.lookup", "{\"sku\":42}", replyOpts: new NatsSubOpts { Timeout = TimeSpan.FromSeconds(1) });
            log.LogInformation("Reply: {Reply}", reply.Data);
        }
        catch (Exception ex)
        {
            log.LogError(ex, "Request to stock.lookup failed");
        }
        break;
    }
}
log.LogInformation("Done");
return 0;
