using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace LogTriage.Tests.Monitoring;

/// <summary>
/// Raw sockets speaking just enough NATS protocol to make a real server close connections for
/// known reasons (bad password, oversized PUB, a subscriber that stops reading), and a reader of
/// the server's /connz?state=closed to wait until it has.
/// </summary>
public static class MonitoredSockets
{
    public const string User = "app";
    public const string Password = "s3cret";

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static Socket Connect(int port, string name, string password = Password, int? receiveBuffer = null)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        if (receiveBuffer is { } size)
            socket.ReceiveBufferSize = size;
        socket.Connect(IPAddress.Loopback, port);
        ReadSome(socket); // INFO
        Send(socket, $"CONNECT {{\"user\":\"{User}\",\"pass\":\"{password}\",\"name\":\"{name}\",\"lang\":\"raw\",\"version\":\"0.1.0\",\"verbose\":false,\"pedantic\":false}}\r\nPING\r\n");
        return socket;
    }

    public static void Send(Socket socket, string text) => socket.Send(Encoding.ASCII.GetBytes(text));

    public static string ReadSome(Socket socket)
    {
        var buffer = new byte[4096];
        socket.ReceiveTimeout = 2000;
        try { return Encoding.ASCII.GetString(buffer, 0, socket.Receive(buffer)); }
        catch (SocketException) { return ""; }
    }

    /// <summary>
    /// A subscriber that stops reading (a 4 KiB receive buffer) while a publisher floods it with
    /// 8 KiB messages, until <paramref name="done"/> holds or <paramref name="limit"/> passes: the
    /// server closes it as a slow consumer.
    /// </summary>
    public static void FloodSlowSubscriber(int port, string subscriber, Func<bool> done, TimeSpan limit)
    {
        using var slow = Connect(port, subscriber, receiveBuffer: 4096);
        using var publisher = Connect(port, "flooder");
        Send(slow, "SUB orders.> 1\r\nPING\r\n");
        ReadSome(slow);
        var batch = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat($"PUB orders.new 8192\r\n{new string('x', 8192)}\r\n", 16)));
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit && !done())
        {
            try { publisher.Send(batch); }
            catch (SocketException) { break; }
        }
    }

    public static string ClosedReasons(int monitorPort)
    {
        using var http = new HttpClient();
        return http.GetStringAsync($"http://127.0.0.1:{monitorPort}/connz?state=closed").GetAwaiter().GetResult();
    }

    public static void WaitFor(Func<bool> condition, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout)
                Assert.Fail($"timed out waiting for {what}");
            Thread.Sleep(50);
        }
    }
}
