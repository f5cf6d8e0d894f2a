using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace LogTriage.Tests.Support;

/// <summary>
/// Debian's real nats-server, started on a free loopback port with its own config and log file,
/// and stopped (killed if need be) on dispose, also when a test fails.
/// </summary>
public sealed class NatsServerProcess : IDisposable
{
    private readonly Process _process;
    private readonly string _directory;
    private readonly string _configHeader;

    private NatsServerProcess(Process process, string directory, int port, string logFile, string configFile, string configHeader)
    {
        _process = process;
        _directory = directory;
        Port = port;
        LogFile = logFile;
        ConfigFile = configFile;
        _configHeader = configHeader;
    }

    /// <summary>The config file the server was started with (rewritten by <see cref="RewriteConfig"/>).</summary>
    public string ConfigFile { get; }

    public string Url => $"nats://127.0.0.1:{Port}";

    public int Port { get; }

    /// <summary>The server's log file, or the file its stderr was captured to.</summary>
    public string LogFile { get; }

    public static string Executable { get; } = Find();

    /// <summary>Starts the server; <paramref name="config"/> is added to a config that sets the port and log file.</summary>
    public static NatsServerProcess Start(string config = "", bool logToFile = true, params string[] extraArguments) =>
        Start(config, logToFile, environment: null, jetStream: false, extraArguments);

    /// <summary>Starts the server with JetStream, its store in the server's own directory (removed with it).</summary>
    public static NatsServerProcess StartJetStream(string config = "") =>
        Start(config, logToFile: true, environment: null, jetStream: true);

    /// <summary>
    /// Starts the server with its log times in UTC: v2.9 has no <c>logtime_utc</c>, but Go reads
    /// the zone from <c>TZ</c>, so the server log and a client's UTC log line up on any machine.
    /// </summary>
    public static NatsServerProcess StartUtc(string config = "") =>
        Start(config, logToFile: true, new Dictionary<string, string> { ["TZ"] = "UTC" }, jetStream: false);

    private static NatsServerProcess Start(string config, bool logToFile, IReadOnlyDictionary<string, string>? environment, bool jetStream, params string[] extraArguments)
    {
        var directory = Directory.CreateTempSubdirectory("logtriage-nats-").FullName;
        var port = FreePort();
        var logFile = Path.Combine(directory, "nats-server.log");
        var configFile = Path.Combine(directory, "nats.conf");
        var header = $"listen: \"127.0.0.1:{port}\"\n" + (logToFile ? $"log_file: \"{logFile}\"\n" : "")
            + (jetStream ? $"jetstream {{ store_dir: \"{Path.Combine(directory, "jetstream")}\" }}\n" : "");
        File.WriteAllText(configFile, header + config + "\n");

        var start = new ProcessStartInfo(Executable) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(configFile);
        foreach (var argument in extraArguments)
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        var process = Process.Start(start)!;

        var stderr = logToFile ? null : new StreamWriter(logFile) { AutoFlush = true };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
                lock (process)
                    stderr?.WriteLine(e.Data);
        };
        process.BeginErrorReadLine();

        var server = new NatsServerProcess(process, directory, port, logFile, configFile, header);
        try
        {
            server.WaitForLog("Server is ready", TimeSpan.FromSeconds(15));
        }
        catch
        {
            server.Dispose();
            throw;
        }
        return server;
    }

    public string ReadLog()
    {
        if (!File.Exists(LogFile))
            return "";
        using var stream = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return new StreamReader(stream).ReadToEnd();
    }

    public void WaitForLog(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (ReadLog().Contains(text, StringComparison.Ordinal))
                return;
            if (_process.HasExited)
                throw new InvalidOperationException($"nats-server exited ({_process.ExitCode}) before logging '{text}':\n{ReadLog()}");
            Thread.Sleep(50);
        }
        throw new TimeoutException($"nats-server did not log '{text}' within {timeout}:\n{ReadLog()}");
    }

    /// <summary>How often <paramref name="text"/> occurs in the log so far.</summary>
    public int CountInLog(string text)
    {
        var log = ReadLog();
        var count = 0;
        for (var at = log.IndexOf(text, StringComparison.Ordinal); at >= 0; at = log.IndexOf(text, at + text.Length, StringComparison.Ordinal))
            count++;
        return count;
    }

    /// <summary>Waits until <paramref name="text"/> occurs at least <paramref name="count"/> times in the log.</summary>
    public void WaitForLog(string text, int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (CountInLog(text) < count)
        {
            if (DateTime.UtcNow >= deadline)
                throw new TimeoutException($"nats-server did not log '{text}' {count} times within {timeout}:\n{ReadLog()}");
            if (_process.HasExited)
                throw new InvalidOperationException($"nats-server exited ({_process.ExitCode}) before logging '{text}' {count} times:\n{ReadLog()}");
            Thread.Sleep(50);
        }
    }

    /// <summary>Replaces the scenario part of the config (listen and log_file stay); takes effect on <see cref="Reload"/>.</summary>
    public void RewriteConfig(string config) => File.WriteAllText(ConfigFile, _configHeader + config + "\n");

    /// <summary>Asks the running server to reload its config (SIGHUP, as <c>nats-server --signal reload=PID</c> does).</summary>
    public void Reload() => Signal(SignalHangUp);

    /// <summary>Stops the server the way an operator or a supervisor does (SIGTERM) and waits until it has exited.</summary>
    public void Terminate(TimeSpan timeout)
    {
        Signal(SignalTerminate);
        if (!_process.WaitForExit(timeout))
            throw new TimeoutException($"nats-server did not exit within {timeout} of SIGTERM");
    }

    /// <summary>Kills the server at once (SIGKILL): no shutdown lines in its log.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
    }

    private const int SignalHangUp = 1;
    private const int SignalTerminate = 15;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SysKill(int pid, int signal);

    private void Signal(int signal)
    {
        if (_process.HasExited)
            throw new InvalidOperationException($"nats-server has already exited ({_process.ExitCode})");
        if (SysKill(_process.Id, signal) != 0)
            throw new InvalidOperationException($"kill({_process.Id}, {signal}) failed: errno {System.Runtime.InteropServices.Marshal.GetLastPInvokeError()}");
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        finally
        {
            _process.Dispose();
            try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Find()
    {
        foreach (var candidate in new[] { Environment.GetEnvironmentVariable("NATS_SERVER"), "/usr/sbin/nats-server", "/usr/bin/nats-server", "/usr/local/bin/nats-server" })
            if (!string.IsNullOrEmpty(candidate) && File.Exists(candidate))
                return candidate;
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':'))
            if (dir.Length > 0 && File.Exists(Path.Combine(dir, "nats-server")))
                return Path.Combine(dir, "nats-server");
        // Integration tests must fail loudly, never pass by skipping, when the real server is missing.
        throw new FileNotFoundException("nats-server is not installed: run tests/run.sh (it installs Debian's nats-server) or apt-get install -y nats-server");
    }
}
