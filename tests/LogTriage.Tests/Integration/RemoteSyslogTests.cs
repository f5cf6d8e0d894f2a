using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using LogTriage.Input;
using LogTriage.Tests.Support;

namespace LogTriage.Tests.Integration;

/// <summary>
/// The real server's remote syslog output (<c>remote_syslog: udp://...</c>), received on a UDP
/// socket the test owns, as a syslog collector would store it: the tool peels the syslog
/// wrapper, takes the level from the priority, and finds the cause.
/// </summary>
[NonParallelizable]
public class RemoteSyslogTests
{
    [Test]
    public void The_servers_remote_syslog_lines_are_read_and_the_cause_found()
    {
        using var collector = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var syslogPort = ((IPEndPoint)collector.Client.LocalEndPoint!).Port;
        var port = FreePort();
        var directory = Directory.CreateTempSubdirectory("logtriage-syslog-").FullName;
        var config = Path.Combine(directory, "nats.conf");
        File.WriteAllText(config, $"listen: \"127.0.0.1:{port}\"\nremote_syslog: \"udp://127.0.0.1:{syslogPort}\"\ndebug: true\n" +
                                  "authorization { user: app, password: s3cret }\n");
        var lines = new List<string>();
        using var server = Process.Start(new ProcessStartInfo(NatsServerProcess.Executable, ["-c", config]) { RedirectStandardError = true, UseShellExecute = false })!;
        try
        {
            Receive(collector, lines, l => l.Contains("Server is ready"));
            using (var client = new TcpClient("127.0.0.1", port))
            {
                client.GetStream().Write("CONNECT {\"user\":\"app\",\"pass\":\"wrong\",\"name\":\"orders\",\"lang\":\"test\",\"version\":\"1.0.0\"}\r\nPING\r\n"u8);
                Receive(collector, lines, l => l.Contains("authentication error"));
            }
        }
        finally
        {
            server.Kill();
            server.WaitForExit(5000);
            Directory.Delete(directory, recursive: true);
        }

        Assert.That(lines[0], Does.Match(@"^<\d+>"), "a syslog priority leads each line");
        var result = ShippedRules.Analyzer.Analyze([InputSource.FromText("collector.log", string.Join('\n', lines) + "\n")]);
        Assert.That(result.Inputs[0].Format, Does.StartWith("syslog+nats-server"), string.Join('\n', lines));
        Assert.That(result.Inputs[0].Unparsed, Is.EqualTo(0), string.Join('\n', lines));
        Assert.That(result.Causes[0].Cause, Is.EqualTo("auth"),
            string.Join("; ", result.Causes.Select(c => $"{c.Cause}: {string.Join(", ", c.Rules)}")) + "\n" + string.Join('\n', lines));
        Assert.That(result.Causes[0].Evidence.Any(e => e.Event.Level == LogTriage.Parsing.LogLevel.Error), Is.True,
            "the level comes from the syslog priority");
    }

    private static void Receive(UdpClient collector, List<string> lines, Func<string, bool> until)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            var receive = collector.ReceiveAsync();
            if (!receive.Wait(TimeSpan.FromSeconds(1)))
                continue;
            var line = Encoding.UTF8.GetString(receive.Result.Buffer).TrimEnd('\n', '\0');
            lines.Add(line);
            if (until(line))
                return;
        }
        Assert.Fail("the server sent no such syslog line:\n" + string.Join('\n', lines));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
