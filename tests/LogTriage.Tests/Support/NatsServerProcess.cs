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

    private NatsServerProcess(Process process, string directory, int port, string logFile)
    {
        _process = process;
        _directory = directory;
        Port = port;
        LogFile = logFile;
    }

    public int Port { get; }

    /// <summary>The server's log file, or the file its stderr was captured to.</summary>
    public string LogFile { get; }

    public static string Executable { get; } = Find();

    /// <summary>Starts the server; <paramref name="config"/> is added to a config that sets the port and log file.</summary>
    public static NatsServerProcess Start(string config = "", bool logToFile = true, params string[] extraArguments)
    {
        var directory = Directory.CreateTempSubdirectory("logtriage-nats-").FullName;
        var port = FreePort();
        var logFile = Path.Combine(directory, "nats-server.log");
        var configFile = Path.Combine(directory, "nats.conf");
        File.WriteAllText(configFile, $"listen: \"127.0.0.1:{port}\"\n" + (logToFile ? $"log_file: \"{logFile}\"\n" : "") + config + "\n");

        var start = new ProcessStartInfo(Executable) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(configFile);
        foreach (var argument in extraArguments)
            start.ArgumentList.Add(argument);
        var process = Process.Start(start)!;

        var stderr = logToFile ? null : new StreamWriter(logFile) { AutoFlush = true };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
                lock (process)
                    stderr?.WriteLine(e.Data);
        };
        process.BeginErrorReadLine();

        var server = new NatsServerProcess(process, directory, port, logFile);
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
