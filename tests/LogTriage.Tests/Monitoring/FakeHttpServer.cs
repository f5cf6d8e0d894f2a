using System.Net;
using System.Net.Sockets;
using System.Text;

namespace LogTriage.Tests.Monitoring;

/// <summary>
/// A loopback listener that answers every request with one fixed response (or, with
/// <c>null</c>, accepts and never answers), and keeps the request heads it received.
/// </summary>
public sealed class FakeHttpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string? _response;
    private readonly List<TcpClient> _clients = [];
    private readonly CancellationTokenSource _stop = new();

    public FakeHttpServer(string? response)
    {
        _response = response;
        _listener.Start();
        _ = Task.Run(AcceptAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public List<string> Requests { get; } = [];

    public static string Answer(string status, string contentType, string body) =>
        $"HTTP/1.1 {status}\r\nContent-Type: {contentType}\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\nConnection: close\r\n\r\n{body}";

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception)
            {
                return;
            }
            lock (_clients)
                _clients.Add(client);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        try
        {
            var stream = client.GetStream();
            var head = new StringBuilder();
            var buffer = new byte[4096];
            while (!head.ToString().Contains("\r\n\r\n"))
            {
                var n = await stream.ReadAsync(buffer, _stop.Token);
                if (n == 0)
                    return;
                head.Append(Encoding.ASCII.GetString(buffer, 0, n));
            }
            lock (Requests)
                Requests.Add(head.ToString());
            if (_response is null)
                return; // hold the connection open, silent
            await stream.WriteAsync(Encoding.UTF8.GetBytes(_response), _stop.Token);
            client.Close();
        }
        catch (Exception)
        {
            // the test is over or the client gave up
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        lock (_clients)
            foreach (var client in _clients)
                client.Dispose();
    }
}
