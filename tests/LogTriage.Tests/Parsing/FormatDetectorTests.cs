using LogTriage.Parsing;

namespace LogTriage.Tests.Parsing;

public class FormatDetectorTests
{
    [Test]
    public void Detects_a_server_log()
    {
        var format = FormatDetector.Default.Detect([
            "[7] 2026/11/25 10:00:00.000001 [INF] Starting nats-server",
            "[7] 2026/11/25 10:00:00.000002 [INF]   Version:  2.9.10",
            "[7] 2026/11/25 10:00:00.000003 [INF] Server is ready",
        ]);
        Assert.That(format.Name, Is.EqualTo("nats-server"));
    }

    [Test]
    public void Falls_back_to_text_for_an_application_log()
    {
        var format = FormatDetector.Default.Detect([
            "2026/11/25 10:00:00 connected to nats://127.0.0.1:4222",
            "2026/11/25 10:00:05 nats: stale connection",
            "2026/11/25 10:00:06 reconnecting",
        ]);
        Assert.That(format.Name, Is.EqualTo("text"));
    }

    private static string Detect(params string[] lines) => FormatDetector.Default.Detect(lines).Name;

    [Test]
    public void A_server_log_with_stray_lines_is_still_a_server_log()
    {
        Assert.That(Detect(
            "[7] 2026/11/25 10:00:00.000001 [INF] Starting nats-server",
            "some stray line a container runtime added",
            "[7] 2026/11/25 10:00:00.000002 [INF] Server is ready",
            "[7] 2026/11/25 10:00:01.000001 [ERR] 10.0.0.1:4000 - cid:1 - authentication error"), Is.EqualTo("nats-server"));
    }

    [Test]
    public void Serilog_clef_is_told_from_other_json_lines()
    {
        Assert.That(Detect(
            "{\"@t\":\"2026-11-25T10:00:00.0000000Z\",\"@mt\":\"Reconnecting to NATS {Url} [{ReconnectCount}]\",\"Url\":\"nats://n:4222\",\"ReconnectCount\":1}",
            "{\"@t\":\"2026-11-25T10:00:01.0000000Z\",\"@m\":\"Connected\",\"@i\":\"a1b2c3d4\"}"), Is.EqualTo("clef"));
        Assert.That(Detect(
            "{\"level\":\"error\",\"ts\":1764151201.5,\"msg\":\"nats: stale connection\"}",
            "{\"level\":\"info\",\"ts\":1764151202.5,\"msg\":\"reconnected\"}"), Is.EqualTo("json-lines"));
    }

    [Test]
    public void Console_output_of_a_dotnet_application_is_told_from_plain_text()
    {
        Assert.That(Detect(
            "warn: NATS.Client.Core.NatsConnection[1001]",
            "      Failed to connect NATS nats://127.0.0.1:4222 [1]",
            "info: NATS.Client.Core.NatsConnection[1001]",
            "      Reconnecting to NATS nats://127.0.0.1:4222 [2]"), Is.EqualTo("mel-console"));
    }

    [Test]
    public void A_go_application_log_with_a_timestamp_like_the_servers_is_not_taken_for_the_server()
    {
        Assert.That(Detect(
            "2026/11/25 10:00:00 connected to nats://127.0.0.1:4222",
            "2026/11/25 10:00:05 nats: stale connection",
            "2026/11/25 10:00:06 Disconnected due to: EOF, will attempt reconnects for 10m"), Is.EqualTo("text"));
    }

    [Test]
    public void A_docker_capture_of_a_server_and_its_panic_is_peeled_and_read_as_the_server()
    {
        Assert.That(Detect(
            "{\"log\":\"[7] 2026/11/25 10:00:00.000001 [INF] Server is ready\\n\",\"stream\":\"stderr\",\"time\":\"2026-11-25T10:00:00.000001Z\"}",
            "{\"log\":\"panic: runtime error: invalid memory address or nil pointer dereference\\n\",\"stream\":\"stderr\",\"time\":\"2026-11-25T10:00:01Z\"}",
            "{\"log\":\"\\n\",\"stream\":\"stderr\",\"time\":\"2026-11-25T10:00:01Z\"}",
            "{\"log\":\"goroutine 1 [running]:\\n\",\"stream\":\"stderr\",\"time\":\"2026-11-25T10:00:01Z\"}"), Is.EqualTo("wrapped"));
    }

    // A jnats connect failure as Throwable.printStackTrace writes it; in a paste the tabs often become spaces.
    private static readonly string[] JavaTrace =
    [
        "java.io.IOException: Unable to connect to NATS servers: [nats://nats-0.nats:4222, nats://nats-1.nats:4222]",
        "\tat io.nats.client.impl.NatsConnection.connect(NatsConnection.java:301)",
        "\tat io.nats.client.impl.NatsImpl.createConnection(NatsImpl.java:29)",
        "\tat io.nats.client.Nats.createConnection(Nats.java:295)",
        "\tat io.nats.client.Nats.connect(Nats.java:174)",
        "\tat com.example.orders.OrdersApplication.main(OrdersApplication.java:42)",
        "Caused by: java.net.ConnectException: Connection refused",
        "\tat java.base/sun.nio.ch.Net.pollConnect(Native Method)",
        "\tat java.base/sun.nio.ch.Net.pollConnectNow(Net.java:672)",
        "\tat java.base/sun.nio.ch.NioSocketImpl.timedFinishConnect(NioSocketImpl.java:547)",
        "\t... 5 more",
    ];

    // A nats.py connect failure: Python's traceback, the error's text from nats/errors.py.
    private static readonly string[] PythonTraceback =
    [
        "Traceback (most recent call last):",
        "  File \"/app/orders.py\", line 31, in <module>",
        "    asyncio.run(main())",
        "  File \"/usr/local/lib/python3.12/asyncio/runners.py\", line 194, in run",
        "    return runner.run(main)",
        "  File \"/app/orders.py\", line 12, in main",
        "    nc = await nats.connect(\"nats://nats:4222\", max_reconnect_attempts=2)",
        "  File \"/usr/local/lib/python3.12/site-packages/nats/aio/client.py\", line 518, in connect",
        "    await self._select_next_server()",
        "  File \"/usr/local/lib/python3.12/site-packages/nats/aio/client.py\", line 1250, in _select_next_server",
        "    raise errors.NoServersError",
        "nats.errors.NoServersError: nats: no servers available for connection",
    ];

    [Test]
    public void A_java_stack_trace_is_not_taken_for_dotnet_console_output()
    {
        Assert.That(Detect(JavaTrace), Is.EqualTo("text"));
        // Pasted into a markdown code block: indented, tabs turned into spaces.
        Assert.That(Detect(JavaTrace.Select(l => "    " + l.Replace("\t", "        ")).ToArray()), Is.EqualTo("text"));
    }

    [Test]
    public void A_python_traceback_is_not_taken_for_dotnet_console_output()
    {
        Assert.That(Detect(PythonTraceback), Is.EqualTo("text"));
        Assert.That(Detect(PythonTraceback.Select(l => "    " + l).ToArray()), Is.EqualTo("text"));
    }

    [Test]
    public void Server_lines_behind_a_consistent_prefix_are_the_server_and_a_single_quoted_one_is_not()
    {
        Assert.That(Detect(
            "nats-0 nats [7] 2026/11/25 10:00:00.000001 [INF] Starting nats-server",
            "nats-0 nats [7] 2026/11/25 10:00:00.000002 [INF]   Version:  2.10.22",
            "nats-1 nats [7] 2026/11/25 10:00:00.000301 [INF] Server is ready"), Is.EqualTo("nats-server"));
        Assert.That(Detect(
            "2026/11/25 10:00:00 connected to nats://127.0.0.1:4222",
            "2026/11/25 10:00:05 the server said: [7] 2026/11/25 10:00:05.000001 [ERR] 10.0.0.1:4000 - cid:1 - authentication error",
            "2026/11/25 10:00:06 reconnecting"), Is.EqualTo("text"));
    }
}
