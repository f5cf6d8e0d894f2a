using System.Net;
using System.Net.Sockets;

namespace LogTriage.Tests.Support;

/// <summary>
/// A TCP proxy on loopback between a NATS.Net client and the server: the network in the middle
/// that a scenario breaks. <see cref="Freeze"/> black-holes the current connections (bytes are
/// read and dropped in both directions, closes are not passed on), as a stateful firewall or a
/// load balancer that forgot the flow does; <see cref="Reset"/> resets them on both sides.
/// New connections are forwarded normally.
/// </summary>
public sealed class ScenarioTcpProxy : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _upstreamPort;
    private readonly List<Link> _links = [];
    private readonly CancellationTokenSource _stop = new();

    public ScenarioTcpProxy(int upstreamPort)
    {
        _upstreamPort = upstreamPort;
        _listener.Start();
        _ = AcceptLoop();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public string Url => $"nats://127.0.0.1:{Port}";

    public void Freeze()
    {
        lock (_links)
            foreach (var link in _links)
                link.Frozen = true;
    }

    public void Reset()
    {
        lock (_links)
            foreach (var link in _links)
                link.Reset();
    }

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket downstream;
            try { downstream = await _listener.AcceptSocketAsync(_stop.Token); }
            catch (Exception) { return; }
            var upstream = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try { await upstream.ConnectAsync(IPAddress.Loopback, _upstreamPort, _stop.Token); }
            catch (Exception)
            {
                downstream.Close();
                upstream.Dispose();
                continue;
            }
            var link = new Link(downstream, upstream);
            lock (_links)
                _links.Add(link);
            _ = Pump(link, downstream, upstream);
            _ = Pump(link, upstream, downstream);
        }
    }

    private static async Task Pump(Link link, Socket from, Socket to)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None);
                if (link.Frozen)
                {
                    if (read == 0)
                        return; // a black hole passes no close on
                    continue;
                }
                if (read == 0)
                {
                    to.Shutdown(SocketShutdown.Send);
                    return;
                }
                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None);
            }
        }
        catch (Exception) when (link.Frozen || link.IsReset)
        {
        }
        catch (SocketException)
        {
            link.Reset();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        lock (_links)
            foreach (var link in _links)
                link.Close();
    }

    private sealed class Link(Socket downstream, Socket upstream)
    {
        public volatile bool Frozen;
        public volatile bool IsReset;

        public void Reset()
        {
            if (IsReset)
                return;
            IsReset = true;
            foreach (var socket in new[] { downstream, upstream })
            {
                try
                {
                    socket.LingerState = new LingerOption(true, 0);
                    socket.Close();
                }
                catch (Exception) { }
            }
        }

        public void Close()
        {
            downstream.Dispose();
            upstream.Dispose();
        }
    }
}
