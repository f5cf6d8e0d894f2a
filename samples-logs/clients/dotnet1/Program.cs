// clients-dotnet1: a small NATS.Client v1 (.NET, NuGet `NATS.Client` 1.1.8) application used by
// samples-logs/clients/generate.sh. It logs the way the client's own examples do: Console output
// with a time stamp, one line per connection event from the Options' event handlers (the URL and
// any error), caught exceptions whole (`ex.ToString()`: type, message, stack), and for an
// unguarded start-up the runtime's own "Unhandled exception." report.
//
//   clients-dotnet1 SCENARIO URL [USER PASS] [RUN_MS]
using System.Text;
using NATS.Client;

var scenario = args[0];
var url = args[1];
var user = args.Length > 2 ? args[2] : "";
var pass = args.Length > 3 ? args[3] : "";
var runMs = args.Length > 4 ? int.Parse(args[4]) : 2000;

void Log(string text) => Console.WriteLine($"{DateTime.Now:yyyy-MM-dd HH:mm:ss.fff} {text}");

var opts = ConnectionFactory.GetDefaultOptions();
opts.Url = url;
opts.Name = "inventory-service-net";
opts.ReconnectWait = 250;
opts.MaxReconnect = 8;
opts.Timeout = 5000;
if (user != "") { opts.User = user; opts.Password = pass; }
if (Environment.GetEnvironmentVariable("NATS_CREDS") is { Length: > 0 } creds) opts.SetUserCredentials(creds);
if (scenario == "network-stale-connection") { opts.PingInterval = 1000; opts.MaxPingsOut = 2; }

opts.DisconnectedEventHandler = (_, e) => Log($"NATS disconnected from {e.Conn.ConnectedUrl}: {e.Error?.Message ?? "no error"}");
opts.ReconnectedEventHandler = (_, e) => Log($"NATS reconnected to {e.Conn.ConnectedUrl}");
opts.ClosedEventHandler = (_, e) => Log($"NATS connection closed{(e.Error is null ? "" : ": " + e.Error.Message)}");
opts.AsyncErrorEventHandler = (_, e) => Log($"NATS async error on {e.Subscription?.Subject}: {e.Error}");
opts.LameDuckModeEventHandler = (_, e) => Log($"NATS server {e.Conn.ConnectedUrl} entered lame duck mode");

var unguarded = new[] { "auth-wrong-password", "overload-max-connections", "client-tls-required" };
IConnection nc;
if (unguarded.Contains(scenario))
{
    nc = new ConnectionFactory().CreateConnection(opts);
}
else
{
    try { nc = new ConnectionFactory().CreateConnection(opts); }
    catch (Exception ex)
    {
        Log($"Could not connect to NATS at {url}: {ex}");
        return 1;
    }
}
Log($"Connected to {nc.ConnectedUrl} (server {nc.ServerInfo.ServerName})");

void Finish()
{
    try { nc.Drain(2000); } catch (Exception ex) { Log($"drain failed: {ex.Message}"); }
    nc.Dispose();
}

byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

switch (scenario)
{
    case "healthy":
    {
        var got = 0;
        using var sub = nc.SubscribeAsync("stock.>", (_, _) => Interlocked.Increment(ref got));
        using var svc = nc.SubscribeAsync("stock.lookup", (_, m) => m.Message.Respond(Utf8("{\"available\":12}")));
        Log("Subscribed to stock.>");
        for (var i = 1; i <= 3; i++) nc.Publish("stock.changed", Utf8($"{{\"sku\":{i}}}"));
        var reply = nc.Request("stock.lookup", Utf8("{\"sku\":1}"), 2000);
        Log($"Reply: {Encoding.UTF8.GetString(reply.Data)}");
        nc.Flush();
        Thread.Sleep(100);
        Log($"Received {got} messages on stock.>");
        Finish();
        break;
    }
    case "auth-permissions-violation":
    {
        using var sub = nc.SubscribeAsync("orders.>", (_, _) => { });
        Log("Subscribed to orders.>");
        nc.Publish("orders.created", Utf8("{\"by\":\"worker\"}"));
        nc.Publish("admin.shutdown", Utf8("{\"by\":\"worker\"}"));
        using var admin = nc.SubscribeAsync("admin.events", (_, m) => Log($"admin event: {Encoding.UTF8.GetString(m.Message.Data)}"));
        nc.Flush();
        Thread.Sleep(300);
        Finish();
        break;
    }
    case "payload-max-payload":
    {
        Log($"Server max payload is {nc.ServerInfo.MaxPayload} bytes");
        try { nc.Publish("images.uploaded", new byte[4096]); }
        catch (Exception ex) { Log($"Publish failed: {ex}"); }
        Finish();
        break;
    }
    case "overload-slow-consumer":
    case "overload-client-slow-consumer":
    {
        using var sub = nc.SubscribeAsync("metrics.>", (_, _) => Thread.Sleep(20));
        sub.SetPendingLimits(500, 4 * 1024 * 1024);
        Log("Subscribed to metrics.>");
        Thread.Sleep(runMs);
        Finish();
        break;
    }
    case "unreachable-server-stopped":
    case "network-stale-connection":
    case "network-connection-reset":
    case "auth-expired-credentials":
    case "healthy-server-restart":
    case "healthy-cluster-rolling-restart":
    {
        using var sub = nc.SubscribeAsync("prices.>", (_, _) => { });
        Log("Subscribed to prices.>");
        var end = DateTime.UtcNow.AddMilliseconds(runMs);
        for (var n = 1; DateTime.UtcNow < end; n++)
        {
            try { nc.Publish("ticks.eurusd", Utf8($"{{\"tick\":{n}}}")); }
            catch (Exception ex)
            {
                Log($"Publish failed: {ex}");
                return 1;
            }
            Thread.Sleep(200);
        }
        Finish();
        break;
    }
    case "client-request-timeout":
    case "no-responders":
    {
        try
        {
            var reply = nc.Request("stock.lookup", Utf8("{\"sku\":42}"), 1000);
            Log($"Reply: {Encoding.UTF8.GetString(reply.Data)}");
        }
        catch (Exception ex) { Log($"Request to stock.lookup failed: {ex}"); }
        Finish();
        break;
    }
    default:
        Finish();
        break;
}
return 0;
