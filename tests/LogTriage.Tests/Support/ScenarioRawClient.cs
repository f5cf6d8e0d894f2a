using System.Net.Sockets;
using System.Text;

namespace LogTriage.Tests.Support;

/// <summary>
/// A raw TCP client speaking the NATS text protocol by hand, for what a well-behaved library never
/// does: protocol garbage, an oversized PUB, never answering PING, closing with a reset.
/// It CONNECTs as <c>lang: raw-socket</c>, <c>version: 0.1.0</c> with the scenario's name.
/// </summary>
public sealed class ScenarioRawClient : IDisposable
{
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;

    private ScenarioRawClient(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
        _stream.ReadTimeout = 5000;
    }

    /// <summary>Opens the TCP connection and reads the server's INFO line.</summary>
    public static ScenarioRawClient Open(int port)
    {
        var tcp = new TcpClient();
        tcp.Connect("127.0.0.1", port);
        var client = new ScenarioRawClient(tcp);
        var info = client.ReadLine();
        if (!info.StartsWith("INFO ", StringComparison.Ordinal))
            throw new InvalidOperationException("expected INFO from nats-server, got: " + info);
        return client;
    }

    /// <summary>Sends CONNECT and PING and waits for the PONG, so the server knows the name.</summary>
    public static ScenarioRawClient Connect(int port, string name)
    {
        var client = Open(port);
        client.Send($"CONNECT {{\"verbose\":false,\"pedantic\":false,\"lang\":\"raw-socket\",\"version\":\"0.1.0\",\"protocol\":1,\"name\":\"{name}\"}}\r\nPING\r\n");
        client.Expect("PONG");
        return client;
    }

    public void Send(string text) => Send(Encoding.ASCII.GetBytes(text));

    public void Send(byte[] bytes)
    {
        _stream.Write(bytes);
        _stream.Flush();
    }

    /// <summary>Reads lines until one starts with <paramref name="prefix"/> (PINGs from the server are answered on the way).</summary>
    public string Expect(string prefix)
    {
        while (true)
        {
            var line = ReadLine();
            if (line.StartsWith(prefix, StringComparison.Ordinal))
                return line;
        }
    }

    /// <summary>Reads one protocol line; empty when the server closed the connection.</summary>
    public string ReadLine()
    {
        var line = new StringBuilder();
        while (true)
        {
            var b = _stream.ReadByte();
            if (b < 0)
                return line.ToString();
            if (b == '\n')
                return line.ToString().TrimEnd('\r');
            line.Append((char)b);
        }
    }

    /// <summary>Closes with a TCP reset (SO_LINGER on, timeout 0) instead of a FIN.</summary>
    public void Reset()
    {
        _tcp.Client.LingerState = new LingerOption(true, 0);
        _tcp.Client.Close();
    }

    public void Dispose()
    {
        _stream.Dispose();
        _tcp.Dispose();
    }
}
