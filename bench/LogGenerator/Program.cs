using System.Globalization;
using System.Text;
using System.Text.Json;

namespace LogTriage.Bench.LogGenerator;

/// <summary>
/// Writes a large nats-server log (debug + trace, the real line shapes of samples-logs/) with
/// rare signals of every cause planted at known lines, and a manifest of what was planted.
///
/// Usage: LogGenerator OUTPUT [SIZE] [SEED] [SIGNALS_PER_CAUSE]
///        [--size 1GiB] [--seed 42] [--signals 5] [--connections 500] [--span-hours 24] [--manifest PATH]
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        try
        {
            var options = Options.Parse(args);
            var started = System.Diagnostics.Stopwatch.StartNew();
            var result = new Generator(options).Run();
            Console.Error.WriteLine(
                $"wrote {options.Output}: {result.Bytes:N0} bytes, {result.Lines:N0} lines, {result.Signals} planted signal lines " +
                $"in {started.Elapsed.TotalSeconds:F1} s; manifest {options.Manifest}");
            return 0;
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"generate-log: {e.Message}");
            Console.Error.WriteLine("usage: generate-log OUTPUT [SIZE] [SEED] [SIGNALS_PER_CAUSE] [--connections N] [--span-hours H] [--manifest PATH]");
            return 2;
        }
    }
}

public sealed record Options(string Output, long TargetBytes, ulong Seed, int SignalsPerCause, int Connections, double SpanHours, string Manifest)
{
    public static Options Parse(string[] args)
    {
        var positional = new List<string>();
        var named = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                if (i + 1 >= args.Length)
                    throw new ArgumentException($"{args[i]} needs a value");
                named[args[i][2..]] = args[++i];
            }
            else
                positional.Add(args[i]);
        }
        string? Get(string name, int position) =>
            named.TryGetValue(name, out var v) ? v : positional.Count > position ? positional[position] : null;

        var output = Get("output", 0) ?? throw new ArgumentException("OUTPUT path missing");
        var size = ParseSize(Get("size", 1) ?? "1GiB");
        var seed = ulong.Parse(Get("seed", 2) ?? "42", CultureInfo.InvariantCulture);
        var signals = int.Parse(Get("signals", 3) ?? "5", CultureInfo.InvariantCulture);
        var connections = int.Parse(Get("connections", 99) ?? "500", CultureInfo.InvariantCulture);
        var span = double.Parse(Get("span-hours", 99) ?? "24", CultureInfo.InvariantCulture);
        var manifest = Get("manifest", 99) ?? output + ".manifest.json";
        foreach (var key in named.Keys)
            if (key is not ("output" or "size" or "seed" or "signals" or "connections" or "span-hours" or "manifest"))
                throw new ArgumentException($"unknown option --{key}");
        if (signals < 0 || connections < 4 || span <= 0 || size <= 0)
            throw new ArgumentException("signals >= 0, connections >= 4, span-hours > 0 and size > 0 are required");
        return new Options(output, size, seed, signals, connections, span, manifest);
    }

    /// <summary>"2GiB", "100MB", "512KiB", "10KB", "1G" (= GiB), or a plain byte count.</summary>
    public static long ParseSize(string text)
    {
        var s = text.Trim();
        var i = 0;
        while (i < s.Length && (char.IsDigit(s[i]) || s[i] == '.'))
            i++;
        if (i == 0)
            throw new ArgumentException($"bad size '{text}'");
        var number = double.Parse(s[..i], CultureInfo.InvariantCulture);
        var unit = s[i..].Trim().ToUpperInvariant();
        double factor = unit switch
        {
            "" or "B" => 1,
            "KB" => 1e3, "MB" => 1e6, "GB" => 1e9, "TB" => 1e12,
            "K" or "KIB" => 1L << 10, "M" or "MIB" => 1L << 20, "G" or "GIB" => 1L << 30, "T" or "TIB" => 1L << 40,
            _ => throw new ArgumentException($"bad size unit in '{text}'"),
        };
        return (long)(number * factor);
    }
}

/// <summary>xoshiro256** seeded by splitmix64: small, fast, and the same on every runtime.</summary>
public sealed class Rng
{
    private ulong _s0, _s1, _s2, _s3;

    public Rng(ulong seed)
    {
        _s0 = SplitMix(ref seed); _s1 = SplitMix(ref seed); _s2 = SplitMix(ref seed); _s3 = SplitMix(ref seed);
    }

    private static ulong SplitMix(ref ulong x)
    {
        var z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public ulong NextULong()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0; _s3 ^= _s1; _s1 ^= _s2; _s0 ^= _s3; _s2 ^= t; _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>0 &lt;= n &lt; max.</summary>
    public int Next(int max) => (int)((NextULong() >> 33) % (ulong)max);
    public int Next(int min, int max) => min + Next(max - min);
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));
    public T Pick<T>(T[] items) => items[Next(items.Length)];
}

/// <summary>Buffered ASCII/UTF-8 writer that counts bytes and lines; constant memory.</summary>
public sealed class LogWriter : IDisposable
{
    private readonly FileStream _file;
    private readonly byte[] _buffer = new byte[1 << 20];
    private int _pos;
    private long _flushed;

    public LogWriter(string path) =>
        _file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 0);

    public long Bytes => _flushed + _pos;
    public long Lines { get; private set; }

    private void Ensure(int n)
    {
        if (_pos + n > _buffer.Length)
            Flush();
    }

    public void Flush()
    {
        _file.Write(_buffer, 0, _pos);
        _flushed += _pos;
        _pos = 0;
    }

    public void Raw(byte[] bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer, _pos);
        _pos += bytes.Length;
    }

    public void Str(string s)
    {
        Ensure(s.Length * 3);
        _pos += Encoding.UTF8.GetBytes(s, _buffer.AsSpan(_pos));
    }

    public void Chars(ReadOnlySpan<char> s)
    {
        Ensure(s.Length * 3);
        _pos += Encoding.UTF8.GetBytes(s, _buffer.AsSpan(_pos));
    }

    public void Int(long v)
    {
        Ensure(20);
        v.TryFormat(_buffer.AsSpan(_pos), out var written, default, CultureInfo.InvariantCulture);
        _pos += written;
    }

    /// <summary>Exactly <paramref name="digits"/> digits, zero-padded.</summary>
    public void Padded(long v, int digits)
    {
        Ensure(digits);
        for (var i = digits - 1; i >= 0; i--)
        {
            _buffer[_pos + i] = (byte)('0' + v % 10);
            v /= 10;
        }
        _pos += digits;
    }

    public void Byte(char c)
    {
        Ensure(1);
        _buffer[_pos++] = (byte)c;
    }

    public void EndLine()
    {
        Ensure(1);
        _buffer[_pos++] = (byte)'\n';
        Lines++;
    }

    public void Dispose()
    {
        Flush();
        _file.Dispose();
    }
}

public sealed class Conn
{
    public required string Host;
    public required int Port;
    public required long Cid;
    public required string App;
    public required byte[] Anon;   // "10.1.2.3:51234 - cid:7 - "
    public required byte[] Named;  // Anon + "\"v1.37.0:go:orders-api-3\" - "
    public required string Lang;
    public required string Version;
    public int Sids;
    public string FirstSubject = "orders.>";
}

public sealed record Planted(long Line, long Micros, string Cause, string Kind, string Incident, string[] Rules, string? Address, bool Context);

public sealed record GenerationResult(long Bytes, long Lines, int Signals);

public sealed class Generator
{
    private static readonly string[] Causes = ["overload", "payload", "server-bug", "network", "client", "auth", "unreachable"];

    private static readonly Dictionary<string, string[]> KindsByCause = new()
    {
        ["overload"] = ["overload.slow-consumer-max-pending", "overload.slow-consumer-write-deadline", "overload.max-connections", "overload.readloop-processing-time"],
        ["payload"] = ["payload.max-payload-exceeded", "payload.parser-error", "payload.max-control-line-exceeded"],
        ["server-bug"] = ["server-bug.go-panic", "server-bug.fatal-error"],
        ["network"] = ["network.stale-connection", "network.reset-on-write", "network.read-error", "network.broken-pipe"],
        ["client"] = ["client.tls-plaintext-client", "client.tls-bad-certificate"],
        ["auth"] = ["auth.wrong-password-reconnects", "auth.authentication-timeout", "auth.permissions-violation"],
        ["unreachable"] = ["unreachable.shutdown", "unreachable.lame-duck-shutdown"],
    };

    // Background vocabulary (chosen so that no rule literal can occur in it; ids are hex).
    private static readonly string[] Apps =
        ["orders-api", "orders-service", "billing-worker", "inventory-api", "inventory-listener", "telemetry-uploader",
         "report-builder", "price-feed", "dashboard", "sensor-gateway", "metrics-firehose", "notifier", "checkout", "audit-log"];
    private static readonly (string Lang, string Version)[] Clients =
        [("go", "1.37.0"), ("go", "1.31.0"), (".NET", "2.8.2"), ("nats.js", "2.29.3"), ("rust", "0.38.0"), ("python3", "2.6.0"), ("java", "2.20.4")];
    private static readonly string[] Subjects =
        ["orders.created", "orders.shipped", "orders.cancelled", "payments.authorized", "payments.settled", "inventory.sku.1042",
         "inventory.sku.2211", "inventory.sku.3307", "telemetry.host.web-1", "telemetry.host.web-2", "telemetry.host.db-1",
         "prices.eurusd", "prices.gbpusd", "prices.usdjpy", "audit.events", "notifications.email", "metrics.cpu", "metrics.mem"];
    private static readonly string[] Wildcards =
        ["orders.>", "payments.*", "inventory.sku.*", "telemetry.>", "prices.>", "audit.events", "notifications.*", "metrics.>"];
    private static readonly string[] Services = ["svc.inventory.lookup", "svc.pricing.quote", "svc.users.get", "svc.orders.status"];
    private static readonly string[] Words =
        ["alpha", "bravo", "charlie", "delta", "shipped", "pending", "paid", "warehouse", "berlin", "tokyo", "priority", "standard", "retail", "bulk"];
    private static readonly string[] Skus = ["A-17", "B-204", "C-9", "D-31", "E-1200", "F-77"];

    private const string ServerAddress = "10.0.0.1:4222";

    private readonly Options _o;
    private readonly Rng _rng;
    private readonly LogWriter _w;
    private readonly List<Planted> _planted = [];
    private readonly Conn[] _pool;
    private readonly string[] _hosts;
    private readonly long _startMicros;
    private readonly long _spanMicros;
    private long _extraMicros;
    private long _lastMicros;
    private long _cachedSecond = -1;
    private byte[] _cachedHead = [];
    private int _pid;
    private long _nextCid;
    private long _payloadCounter;
    private readonly char[] _payload = new char[2048];
    private readonly Dictionary<string, int> _kindCounter = new();
    private string _incident = "";

    private static readonly byte[] Trc = "[TRC] "u8.ToArray(), Dbg = "[DBG] "u8.ToArray(), Inf = "[INF] "u8.ToArray(),
        Wrn = "[WRN] "u8.ToArray(), Err = "[ERR] "u8.ToArray();

    public Generator(Options options)
    {
        _o = options;
        _rng = new Rng(options.Seed);
        var dir = Path.GetDirectoryName(Path.GetFullPath(options.Output));
        if (dir is not null)
            Directory.CreateDirectory(dir);
        _w = new LogWriter(options.Output);
        _startMicros = new DateTime(2026, 11, 26, 0, 0, 0, DateTimeKind.Utc).Ticks / 10;
        _spanMicros = (long)(options.SpanHours * 3600e6);
        _pid = _rng.Next(1000, 30000);
        _hosts = new string[Math.Max(64, options.Connections * 4)];
        for (var i = 0; i < _hosts.Length; i++)
            _hosts[i] = $"10.{_rng.Next(1, 40)}.{_rng.Next(0, 256)}.{_rng.Next(1, 255)}";
        _pool = new Conn[options.Connections];
    }

    // ---------------------------------------------------------------- clock and line heads

    private long Tick()
    {
        var t = _startMicros + (long)((double)_w.Bytes / _o.TargetBytes * _spanMicros) + _extraMicros;
        if (t <= _lastMicros)
            t = _lastMicros + 1;
        _lastMicros = t;
        return t;
    }

    /// <summary>"[pid] YYYY/MM/DD HH:MM:SS.uuuuuu [LVL] " and the connection prefix, if any.</summary>
    private void Head(byte[] level, byte[]? connection = null)
    {
        var t = Tick();
        var second = t / 1_000_000;
        if (second != _cachedSecond)
        {
            _cachedSecond = second;
            var d = new DateTime(second * 10_000_000, DateTimeKind.Utc);
            _cachedHead = Encoding.ASCII.GetBytes($"[{_pid}] {d:yyyy'/'MM'/'dd HH':'mm':'ss}.");
        }
        _w.Raw(_cachedHead);
        _w.Padded(t % 1_000_000, 6);
        _w.Byte(' ');
        _w.Raw(level);
        if (connection is not null)
            _w.Raw(connection);
    }

    private void Line(byte[] level, byte[]? connection, string message)
    {
        Head(level, connection);
        _w.Str(message);
        _w.EndLine();
    }

    /// <summary>A line that carries a signal: recorded in the manifest with the rules expected to match it.</summary>
    private void Signal(string cause, string kind, string[] rules, string? address, byte[] level, byte[]? connection, string message, bool context = false)
    {
        Head(level, connection);
        _planted.Add(new Planted(_w.Lines + 1, _lastMicros, cause, kind, _incident, rules, address, context));
        _w.Str(message);
        _w.EndLine();
    }

    /// <summary>A line without the logger's prefix (Go runtime output on stderr, merged by docker/journald).</summary>
    private void Bare(string text)
    {
        _w.Str(text);
        _w.EndLine();
    }

    private void BareSignal(string cause, string kind, string[] rules, string text)
    {
        _planted.Add(new Planted(_w.Lines + 1, _lastMicros, cause, kind, _incident, rules, null, false));
        Bare(text);
    }

    // ---------------------------------------------------------------- connections

    private Conn NewConn(bool announce = true)
    {
        var host = _rng.Pick(_hosts);
        var port = _rng.Next(32768, 61000);
        var cid = _nextCid++;
        var app = $"{_rng.Pick(Apps)}-{_rng.Next(1, 9)}";
        var (lang, version) = _rng.Pick(Clients);
        var anon = Encoding.ASCII.GetBytes($"{host}:{port} - cid:{cid} - ");
        var named = Encoding.ASCII.GetBytes($"{host}:{port} - cid:{cid} - \"v{version}:{lang}:{app}\" - ");
        var c = new Conn { Host = host, Port = port, Cid = cid, App = app, Anon = anon, Named = named, Lang = lang, Version = version };
        if (!announce)
            return c;
        Line(Dbg, c.Anon, "Client connection created");
        Line(Trc, c.Anon,
            $"<<- [CONNECT {{\"verbose\":false,\"pedantic\":false,\"tls_required\":false,\"name\":\"{app}\",\"lang\":\"{lang}\",\"version\":\"{version}\",\"protocol\":1,\"echo\":true,\"headers\":true,\"no_responders\":true}}]");
        var subs = _rng.Next(1, 4);
        for (var i = 0; i < subs; i++)
        {
            var subject = _rng.Pick(Wildcards);
            if (i == 0)
                c.FirstSubject = subject;
            c.Sids++;
            if (_rng.Next(4) == 0)
                Line(Trc, c.Named, $"<<- [SUB {subject} {app}-q {c.Sids}]");
            else
                Line(Trc, c.Named, $"<<- [SUB {subject} {c.Sids}]");
        }
        Line(Trc, c.Named, "<<- [PING]");
        Line(Trc, c.Named, "->> [PONG]");
        return c;
    }

    /// <summary>The subscriptions of a closed connection are removed; the trace shows each.</summary>
    private void DelSubs(Conn c)
    {
        for (var sid = 1; sid <= c.Sids; sid++)
        {
            Head(Trc, c.Named);
            _w.Str("<-> [DELSUB ");
            _w.Int(sid);
            _w.Byte(']');
            _w.EndLine();
        }
    }

    private void Replace(int slot) => _pool[slot] = NewConn();

    private int RandomSlot() => _rng.Next(_pool.Length);

    // ---------------------------------------------------------------- background traffic

    private int WritePayload()
    {
        // A JSON document as the server traces it: %q of the bytes, so quotes are escaped.
        var n = 0;
        void Add(ReadOnlySpan<char> s) { s.CopyTo(_payload.AsSpan(n)); n += s.Length; }
        Span<char> num = stackalloc char[24];
        Add("{\\\"id\\\":");
        (++_payloadCounter).TryFormat(num, out var len, default, CultureInfo.InvariantCulture);
        Add(num[..len]);
        Add(",\\\"sku\\\":\\\"");
        Add(_rng.Pick(Skus));
        Add("\\\",\\\"qty\\\":");
        _rng.Next(1, 50).TryFormat(num, out len, default, CultureInfo.InvariantCulture);
        Add(num[..len]);
        var words = _rng.Next(0, 12);
        if (words > 0)
        {
            Add(",\\\"tags\\\":[");
            for (var i = 0; i < words; i++)
            {
                if (i > 0) Add(",");
                Add("\\\"");
                Add(_rng.Pick(Words));
                Add("\\\"");
            }
            Add("]");
        }
        Add("}");
        return n;
    }

    private void Publish(Conn from, string subject, string? reply)
    {
        var length = WritePayload();
        var size = length - CountBackslashes(length);
        Head(Trc, from.Named);
        _w.Str("<<- [PUB ");
        _w.Str(subject);
        if (reply is not null)
        {
            _w.Byte(' ');
            _w.Str(reply);
        }
        _w.Byte(' ');
        _w.Int(size);
        _w.Byte(']');
        _w.EndLine();
        Head(Trc, from.Named);
        _w.Str("<<- MSG_PAYLOAD: [\"");
        _w.Chars(_payload.AsSpan(0, length));
        _w.Str("\"]");
        _w.EndLine();
        var deliveries = reply is null ? _rng.Next(0, 3) : 1;
        for (var i = 0; i < deliveries; i++)
        {
            var to = _pool[RandomSlot()];
            Head(Trc, to.Named);
            _w.Str("->> [MSG ");
            _w.Str(subject);
            _w.Byte(' ');
            _w.Int(_rng.Next(1, to.Sids + 1));
            if (reply is not null)
            {
                _w.Byte(' ');
                _w.Str(reply);
            }
            _w.Byte(' ');
            _w.Int(size);
            _w.Byte(']');
            _w.EndLine();
        }
    }

    private int CountBackslashes(int length)
    {
        var n = 0;
        for (var i = 0; i < length; i++)
            if (_payload[i] == '\\')
                n++;
        return n;
    }

    private string Inbox() => $"_INBOX.{_rng.NextULong():x16}{_rng.Next(0x10000):x4}.{_rng.Next(1, 64)}";

    private long _steps;

    private void BackgroundStep()
    {
        _steps++;
        var r = _rng.NextDouble();
        var c = _pool[RandomSlot()];
        if (r < 0.55)
            Publish(c, _rng.Pick(Subjects), null);
        else if (r < 0.67)
        {
            Line(Trc, c.Named, "<<- [PING]");
            Line(Trc, c.Named, "->> [PONG]");
        }
        else if (r < 0.73)
        {
            Line(Dbg, c.Named, "Client Ping Timer");
            Line(Trc, c.Named, "->> [PING]");
            Line(Trc, c.Named, "<<- [PONG]");
        }
        else if (r < 0.85)
        {
            // request / reply
            var inbox = Inbox();
            Publish(c, _rng.Pick(Services), inbox);
            var responder = _pool[RandomSlot()];
            Publish(responder, inbox, null);
        }
        else if (r < 0.90)
        {
            if (_rng.Next(3) == 0 && c.Sids > 1)
                Line(Trc, c.Named, $"<<- [UNSUB {c.Sids}]");
            else
            {
                c.Sids++;
                Line(Trc, c.Named, $"<<- [SUB {_rng.Pick(Wildcards)} {c.Sids}]");
            }
        }
        else if (r < 0.915)
        {
            // a client leaves cleanly and another one connects
            var slot = RandomSlot();
            var old = _pool[slot];
            Line(Dbg, old.Named, "Client connection closed: Client Closed");
            DelSubs(old);
            Replace(slot);
        }
        else if (r < 0.91502)
            Line(Inf, null, "Reloaded server configuration");
        else
            Publish(c, _rng.Pick(Subjects), null);
    }

    // ---------------------------------------------------------------- server lifecycle

    private void Banner(bool restart)
    {
        if (restart)
        {
            _pid += _rng.Next(50, 4000);
            _extraMicros += _rng.Next(1_500_000, 6_000_000);
            _nextCid = 5;
            _cachedSecond = -1;
        }
        else
            _nextCid = 5;
        var id = ServerId();
        Signal("unreachable", "server-start", ["server.unreachable.server-start"], null, Inf, null, "Starting nats-server", context: true);
        Line(Inf, null, "  Version:  2.9.10");
        Line(Inf, null, "  Git:      [not set]");
        Line(Dbg, null, "  Go build: go1.19.8");
        Line(Inf, null, $"  Name:     {id}");
        Line(Inf, null, $"  ID:       {id}");
        Line(Inf, null, "Using configuration file: /etc/nats/nats-server.conf");
        Line(Dbg, null, "Created system account: \"$SYS\"");
        Line(Inf, null, "Listening for client connections on 0.0.0.0:4222");
        Line(Inf, null, "Server is ready");
        Line(Dbg, null, "maxprocs: Leaving GOMAXPROCS=2: CPU quota undefined");
        // every client (re)connects
        for (var i = 0; i < _pool.Length; i++)
            _pool[i] = NewConn();
    }

    private string ServerId()
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var chars = new char[56];
        chars[0] = 'N';
        for (var i = 1; i < chars.Length; i++)
            chars[i] = alphabet[_rng.Next(alphabet.Length)];
        return new string(chars);
    }

    // ---------------------------------------------------------------- incidents (planted signals)

    private void Incident(string cause)
    {
        var kinds = KindsByCause[cause];
        var n = _kindCounter.GetValueOrDefault(cause);
        _kindCounter[cause] = n + 1;
        var kind = kinds[n % kinds.Length];
        _incident = $"{kind}#{n / kinds.Length + 1}";
        var slot = RandomSlot();
        var c = _pool[slot];
        switch (kind)
        {
            case "overload.slow-consumer-max-pending":
                Signal(cause, "slow-consumer-max-pending", ["server.overload.slow-consumer-max-pending"], c.Host, Inf, c.Named,
                    "Slow Consumer Detected: MaxPending of 67108864 Exceeded");
                Signal(cause, "closed-slow-consumer", ["server.overload.closed-slow-consumer"], c.Host, Dbg, c.Named,
                    "Client connection closed: Slow Consumer (Pending Bytes)");
                DelSubs(c);
                Replace(slot);
                break;
            case "overload.slow-consumer-write-deadline":
                Signal(cause, "slow-consumer-write-deadline", ["server.overload.slow-consumer-write-deadline"], c.Host, Inf, c.Named,
                    $"Slow Consumer Detected: WriteDeadline of 10s exceeded with {_rng.Next(2, 9)} chunks of {_rng.Next(65536, 8388608)} total bytes.");
                Signal(cause, "closed-slow-consumer", ["server.overload.closed-slow-consumer"], c.Host, Dbg, c.Named,
                    "Client connection closed: Slow Consumer (Write Deadline)");
                DelSubs(c);
                Replace(slot);
                break;
            case "overload.max-connections":
            {
                var x = NewConn(announce: false);
                Line(Dbg, x.Anon, "Client connection created");
                Signal(cause, "max-connections", ["server.overload.max-connections"], x.Host, Err, x.Anon, "maximum connections exceeded");
                Signal(cause, "closed-limit", ["server.overload.closed-limit"], x.Host, Dbg, x.Anon, "Client connection closed: Maximum Connections Exceeded");
                break;
            }
            case "overload.readloop-processing-time":
                Signal(cause, "readloop-processing-time", ["server.overload.readloop-processing-time"], c.Host, Wrn, c.Named,
                    $"Readloop processing time: {_rng.Next(2, 9)}.{_rng.Next(0, 1000):D3}{_rng.Next(0, 1000):D3}s");
                break;

            case "payload.max-payload-exceeded":
                Line(Trc, c.Named, "<<- [PUB telemetry.upload 2097152]");
                Signal(cause, "max-payload-exceeded", ["server.payload.max-payload-exceeded"], c.Host, Err, c.Named,
                    "maximum payload exceeded: 2097152 vs 1048576");
                Signal(cause, "closed-size-limit", ["server.payload.closed-size-limit"], c.Host, Dbg, c.Named,
                    "Client connection closed: Maximum Message Payload Exceeded");
                DelSubs(c);
                Replace(slot);
                break;
            case "payload.parser-error":
            {
                var x = NewConn(announce: false);
                Line(Dbg, x.Anon, "Client connection created");
                Signal(cause, "parser-error", ["server.payload.parser-error"], x.Host, Err, x.Anon,
                    "Client parser ERROR, state=0, i=0: proto='\"GET / HTTP/1.1\\r\\nHost: 10.0.0.1:4222\\r\"...'");
                Signal(cause, "closed-protocol-violation", ["server.payload.closed-protocol-violation"], x.Host, Dbg, x.Anon,
                    "Client connection closed: Protocol Violation");
                break;
            }
            case "payload.max-control-line-exceeded":
                Signal(cause, "max-control-line-exceeded", ["server.payload.max-control-line-exceeded"], c.Host, Err, c.Named,
                    "maximum control line exceeded");
                Signal(cause, "closed-size-limit", ["server.payload.closed-size-limit"], c.Host, Dbg, c.Named,
                    "Client connection closed: Maximum Control Line Exceeded");
                DelSubs(c);
                Replace(slot);
                break;

            case "server-bug.go-panic":
                BareSignal(cause, "go-panic", ["server.server-bug.go-panic"], "panic: runtime error: invalid memory address or nil pointer dereference");
                Bare("[signal SIGSEGV: segmentation violation code=0x1 addr=0x10 pc=0x80e7f8]");
                Bare("");
                Bare($"goroutine {_rng.Next(20, 5000)} [running]:");
                Bare("github.com/nats-io/nats-server/v2/server.(*stream).isMigrating(0xc00048de18)");
                Bare("\t/home/travis/gopath/src/github.com/nats-io/nats-server/server/jetstream_cluster.go:1937 +0x38");
                Bare("github.com/nats-io/nats-server/v2/server.(*jetStream).monitorStream(0xc00012a370, 0x0, 0xc00007e3f0, 0x0)");
                Bare("\t/home/travis/gopath/src/github.com/nats-io/nats-server/server/jetstream_cluster.go:1773 +0xf0c");
                Bare("github.com/nats-io/nats-server/v2/server.(*jetStream).processClusterCreateStream.func1()");
                Bare("\t/home/travis/gopath/src/github.com/nats-io/nats-server/server/jetstream_cluster.go:2765 +0x2a");
                Bare("created by github.com/nats-io/nats-server/v2/server.(*Server).startGoRoutine");
                Bare("\t/home/travis/gopath/src/github.com/nats-io/nats-server/server/server.go:3016 +0x87");
                Banner(restart: true);
                break;
            case "server-bug.fatal-error":
                BareSignal(cause, "go-fatal-error", ["server.server-bug.go-panic"], "fatal error: concurrent map writes");
                Bare("");
                Bare($"goroutine {_rng.Next(20, 5000)} [running]:");
                Bare("github.com/nats-io/nats-server/v2/server.(*Account).addServiceImportSub(0xc0002a4000, 0xc000aa1e00)");
                Bare("\t/home/runner/work/nats-server/nats-server/server/accounts.go:2043 +0x1e5");
                Bare("github.com/nats-io/nats-server/v2/server.(*Server).updateAccountClaimsWithRefresh(0xc000176d88, 0xc0002a4000, 0xc000d14000, 0x1)");
                Bare("\t/home/runner/work/nats-server/nats-server/server/accounts.go:3391 +0x2db4");
                Bare("");
                Bare($"goroutine 1 [chan receive, {_rng.Next(2, 300)} minutes]:");
                Bare("github.com/nats-io/nats-server/v2/server.(*Server).WaitForShutdown(...)");
                Bare("\t/home/runner/work/nats-server/nats-server/server/server.go:2590");
                Banner(restart: true);
                break;

            case "network.stale-connection":
                for (var i = 0; i < 3; i++)
                {
                    Line(Dbg, c.Named, "Client Ping Timer");
                    Line(Trc, c.Named, "->> [PING]");
                }
                Signal(cause, "stale-connection", ["server.network.stale-connection"], c.Host, Dbg, c.Named, "Stale Client Connection - Closing");
                Signal(cause, "closed-stale", ["server.network.closed-stale"], c.Host, Dbg, c.Named, "Client connection closed: Stale Connection");
                DelSubs(c);
                Replace(slot);
                break;
            case "network.reset-on-write":
                Signal(cause, "socket-error", ["server.network.socket-error"], c.Host, Dbg, c.Named,
                    $"Error flushing: writev tcp {ServerAddress}->{c.Host}:{c.Port}: writev: connection reset by peer");
                Signal(cause, "closed-write-error", ["server.network.closed-read-write-error"], c.Host, Dbg, c.Named, "Client connection closed: Write Error");
                DelSubs(c);
                Replace(slot);
                break;
            case "network.read-error":
                Signal(cause, "closed-read-error", ["server.network.closed-read-write-error"], c.Host, Dbg, c.Named, "Client connection closed: Read Error");
                DelSubs(c);
                Replace(slot);
                break;
            case "network.broken-pipe":
                Signal(cause, "socket-error", ["server.network.socket-error"], c.Host, Dbg, c.Named,
                    $"Error flushing: write tcp {ServerAddress}->{c.Host}:{c.Port}: write: broken pipe");
                Signal(cause, "closed-write-error", ["server.network.closed-read-write-error"], c.Host, Dbg, c.Named, "Client connection closed: Write Error");
                DelSubs(c);
                Replace(slot);
                break;

            case "client.tls-plaintext-client":
            case "client.tls-bad-certificate":
            {
                var x = NewConn(announce: false);
                Line(Dbg, x.Anon, "Client connection created");
                Line(Dbg, x.Anon, "Starting TLS client connection handshake");
                Signal(cause, "tls-handshake-error", ["server.client.tls-handshake-error"], x.Host, Err, x.Anon,
                    kind == "client.tls-plaintext-client"
                        ? "TLS handshake error: tls: first record does not look like a TLS handshake"
                        : "TLS handshake error: remote error: tls: bad certificate");
                Signal(cause, "closed-tls-handshake-failure", ["server.client.closed-client-error"], x.Host, Dbg, x.Anon,
                    "Client connection closed: TLS Handshake Failure");
                break;
            }

            case "auth.wrong-password-reconnects":
            {
                // A client with a stale secret reconnecting: same host, three attempts a second apart.
                var host = _rng.Pick(_hosts);
                var app = $"{_rng.Pick(Apps)}-{_rng.Next(1, 9)}";
                for (var i = 0; i < 3; i++)
                {
                    var port = _rng.Next(32768, 61000);
                    var anon = Encoding.ASCII.GetBytes($"{host}:{port} - cid:{_nextCid++} - ");
                    var named = Encoding.ASCII.GetBytes($"{Encoding.ASCII.GetString(anon)}\"v1.37.0:go:{app}\" - ");
                    if (i > 0)
                        _extraMicros += 1_000_000;
                    Line(Dbg, anon, "Client connection created");
                    Signal(cause, "authentication-error", ["server.auth.authentication-error"], host, Err, named, "authentication error");
                    Signal(cause, "closed-auth", ["server.auth.closed-auth"], host, Dbg, named, "Client connection closed: Authentication Failure");
                }
                break;
            }
            case "auth.authentication-timeout":
            {
                var x = NewConn(announce: false);
                Line(Dbg, x.Anon, "Client connection created");
                _extraMicros += 2_000_000;
                Signal(cause, "authentication-timeout", ["server.auth.authentication-timeout"], x.Host, Dbg, x.Anon, "Authentication Timeout");
                Signal(cause, "closed-authentication-timeout", ["server.auth.authentication-timeout"], x.Host, Dbg, x.Anon,
                    "Client connection closed: Authentication Timeout");
                break;
            }
            case "auth.permissions-violation":
                Line(Trc, c.Named, "<<- [PUB admin.shutdown 2]");
                Line(Trc, c.Named, "<<- MSG_PAYLOAD: [\"{}\"]");
                Signal(cause, "publish-violation", ["server.auth.permissions-violation"], c.Host, Err, c.Named,
                    "Publish Violation - User \"worker\", Subject \"admin.shutdown\"");
                c.Sids++;
                Line(Trc, c.Named, $"<<- [SUB admin.events {c.Sids}]");
                Signal(cause, "subscription-violation", ["server.auth.permissions-violation"], c.Host, Err, c.Named,
                    $"Subscription Violation - User \"worker\", Subject \"admin.events\", SID {c.Sids}");
                break;

            case "unreachable.shutdown":
            case "unreachable.lame-duck-shutdown":
                if (kind == "unreachable.lame-duck-shutdown")
                {
                    Line(Dbg, null, "Trapped \"user defined signal 2\" signal");
                    Signal(cause, "lame-duck", ["server.unreachable.lame-duck"], null, Inf, null, "Entering lame duck mode, stop accepting new clients");
                    _extraMicros += 10_000_000;
                }
                else
                    Line(Dbg, null, "Trapped \"terminated\" signal");
                Signal(cause, "shutdown", ["server.unreachable.shutdown"], null, Inf, null, "Initiating Shutdown...");
                foreach (var live in _pool)
                    Signal(cause, "closed-server-shutdown", ["server.unreachable.closed-server-shutdown"], live.Host, Dbg, live.Named,
                        "Client connection closed: Server Shutdown");
                Line(Dbg, null, "SYSTEM - System connection closed: Client Closed");
                Line(Dbg, null, "Client accept loop exiting..");
                Signal(cause, "shutdown", ["server.unreachable.shutdown"], null, Inf, null, "Server Exiting..");
                Banner(restart: true);
                break;

            default:
                throw new InvalidOperationException(kind);
        }
        _incident = "";
    }

    // ---------------------------------------------------------------- main loop

    public GenerationResult Run()
    {
        // Incidents at evenly spaced byte offsets, causes in a seeded shuffled order.
        var order = new List<string>();
        foreach (var cause in Causes)
            for (var i = 0; i < _o.SignalsPerCause; i++)
                order.Add(cause);
        for (var i = order.Count - 1; i > 0; i--)
        {
            var j = _rng.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        var at = order.Select((_, i) => (long)(_o.TargetBytes * (i + 0.5) / order.Count)).ToArray();

        using (_w)
        {
            Banner(restart: false);
            var next = 0;
            while (_w.Bytes < _o.TargetBytes)
            {
                if (next < order.Count && _w.Bytes >= at[next])
                    Incident(order[next++]);
                else
                    BackgroundStep();
            }
            while (next < order.Count)
                Incident(order[next++]);
        }

        WriteManifest(order.Count);
        return new GenerationResult(_w.Bytes, _w.Lines, _planted.Count);
    }

    // ---------------------------------------------------------------- manifest

    /// <summary>
    /// The threshold rules of rules/*.yaml that planted signals can satisfy, mirrored here (rule
    /// id, counted rule, count, window, key) so the manifest can say which of them must fire.
    /// </summary>
    private static readonly (string Id, string Cause, string Counted, int Count, long WindowMicros, Func<Planted, string?> Key)[] Thresholds =
    [
        ("server.auth.repeated-failures", "auth", "server.auth.authentication-error", 3, 60_000_000L, p => p.Address),
        ("server.overload.repeated-slow-consumer-max-pending", "overload", "server.overload.slow-consumer-max-pending", 3, 300_000_000L, _ => "none"),
        ("server.overload.repeated-slow-consumer-write-deadline", "overload", "server.overload.slow-consumer-write-deadline", 3, 300_000_000L, _ => "none"),
        ("server.network.repeated-socket-errors", "network", "server.network.socket-error", 3, 300_000_000L, p => p.Address),
        ("server.unreachable.restarted", "unreachable", "server.unreachable.server-start", 2, 86_400_000_000L, _ => "input"),
    ];

    private IEnumerable<(string Id, string Cause)> FiredThresholds()
    {
        foreach (var t in Thresholds)
        {
            var groups = _planted.Where(p => p.Rules.Contains(t.Counted)).GroupBy(p => t.Key(p));
            foreach (var g in groups)
            {
                if (g.Key is null)
                    continue;
                var times = g.Select(p => p.Micros).Order().ToArray();
                if (Enumerable.Range(0, Math.Max(0, times.Length - t.Count + 1)).Any(i => times[i + t.Count - 1] - times[i] <= t.WindowMicros))
                {
                    yield return (t.Id, t.Cause);
                    break;
                }
            }
        }
    }

    private static string Time(long micros) =>
        new DateTime(micros * 10, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture);

    private void WriteManifest(int incidents)
    {
        var thresholds = FiredThresholds().ToList();
        using var stream = new FileStream(_o.Manifest, FileMode.Create, FileAccess.Write);
        using var j = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        j.WriteStartObject();
        j.WriteString("format", "logtriage-bench-manifest/1");
        j.WriteString("log", Path.GetFullPath(_o.Output));
        j.WriteNumber("seed", _o.Seed);
        j.WriteNumber("targetBytes", _o.TargetBytes);
        j.WriteNumber("bytes", _w.Bytes);
        j.WriteNumber("lines", _w.Lines);
        j.WriteNumber("signalsPerCause", _o.SignalsPerCause);
        j.WriteNumber("incidents", incidents);
        j.WriteNumber("poolConnections", _o.Connections);
        j.WriteNumber("connectionsOpened", _nextCid);
        j.WriteString("firstTime", Time(_startMicros));
        j.WriteString("lastTime", Time(_lastMicros));
        j.WriteString("note",
            "expected.count = planted (line, rule) pairs of single-event rules per cause (what causes[].count counts); " +
            "context lines are the 'Starting nats-server' banners (server.unreachable.server-start, info); " +
            "thresholdRules are mirrored from rules/*.yaml in the generator");

        j.WriteStartArray("expected");
        foreach (var cause in Causes)
        {
            var mine = _planted.Where(p => p.Cause == cause).ToList();
            var fired = thresholds.Where(t => t.Cause == cause).Select(t => t.Id).ToList();
            var onlyContext = mine.All(p => p.Context) && fired.Count == 0;
            j.WriteStartObject();
            j.WriteString("cause", cause);
            j.WriteString("section", mine.Count == 0 ? "none" : onlyContext ? "context" : "causes");
            j.WriteNumber("count", mine.Sum(p => p.Rules.Length));
            j.WriteNumber("lines", mine.Count);
            j.WriteNumber("incidents", _kindCounter.GetValueOrDefault(cause));
            j.WriteStartObject("kinds");
            foreach (var g in mine.GroupBy(p => p.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
                j.WriteNumber(g.Key, g.Count());
            j.WriteEndObject();
            j.WriteStartArray("eventRules");
            foreach (var r in mine.SelectMany(p => p.Rules).Distinct().Order(StringComparer.Ordinal))
                j.WriteStringValue(r);
            j.WriteEndArray();
            j.WriteStartArray("thresholdRules");
            foreach (var r in fired)
                j.WriteStringValue(r);
            j.WriteEndArray();
            j.WriteEndObject();
        }
        j.WriteEndArray();

        j.WriteStartArray("signals");
        foreach (var p in _planted)
        {
            j.WriteStartObject();
            j.WriteNumber("line", p.Line);
            j.WriteString("time", Time(p.Micros));
            j.WriteString("cause", p.Cause);
            j.WriteString("kind", p.Kind);
            if (p.Incident.Length > 0)
                j.WriteString("incident", p.Incident);
            j.WriteStartArray("rules");
            foreach (var r in p.Rules)
                j.WriteStringValue(r);
            j.WriteEndArray();
            if (p.Context)
                j.WriteBoolean("context", true);
            j.WriteEndObject();
        }
        j.WriteEndArray();
        j.WriteEndObject();
    }
}
