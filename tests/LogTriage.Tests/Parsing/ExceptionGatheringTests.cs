using LogTriage.Input;
using LogTriage.Parsing;

namespace LogTriage.Tests.Parsing;

/// <summary>
/// Multi-line exceptions in free-text client output become one event whose message names every
/// exception of the chain; the frames stay in the event's text only. Inputs are what the runtimes
/// and clients printed (see Fixtures/clients/README.md).
/// </summary>
public class ExceptionGatheringTests
{
    private static string Fixture(string name) =>
        File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "Parsing", "Fixtures", "clients", name));

    private static List<LogEvent> Read(string text, out string format)
    {
        var stats = new InputStatistics("app");
        using var lines = new PeekableLines(LineReader.ReadLines(InputSource.FromText("app", text).Open(), stats));
        var detected = FormatDetector.Default.Detect(lines.Peek(50));
        format = detected.Name;
        return detected.CreateParser("app").Parse(lines).Where(e => e.Text.Trim().Length > 0).ToList();
    }

    [Test]
    public void A_JVM_exception_with_its_cause_is_one_event()
    {
        var events = Read(Fixture("jvm-caused-by.log"), out var format);
        Assert.That(format, Is.EqualTo("text"));
        Assert.That(events, Has.Count.EqualTo(1));
        var e = events[0];
        Assert.That(e.LineCount, Is.EqualTo(11));
        Assert.That(e.Level, Is.EqualTo(LogLevel.Error), "an uncaught exception ends the program");
        Assert.That(e.Message, Is.EqualTo(
            "Exception in thread \"main\" java.lang.IllegalStateException: order service could not start | Caused by: java.net.ConnectException: Connection refused"));
    }

    [Test]
    public void A_logged_traceback_belongs_to_its_log_line_and_an_uncaught_chain_is_one_event()
    {
        var events = Read(Fixture("python-traceback-chain.log"), out _);
        Assert.That(events, Has.Count.EqualTo(2));
        Assert.That(events[0].Message, Is.EqualTo(
            "ERROR:nats.aio.client:nats: encountered error | ConnectionRefusedError: [Errno 111] Connect call failed ('127.0.0.1', 4299)"));
        Assert.That(events[0].Level, Is.EqualTo(LogLevel.Error));
        Assert.That(events[0].LineCount, Is.EqualTo(23));
        Assert.That(events[1].Message, Is.EqualTo(
            "nats.errors.NoServersError: nats: no servers available for connection | RuntimeError: order service could not start"));
        Assert.That(events[1].Line, Is.EqualTo(24));
        Assert.That(events[1].Text, Does.EndWith("RuntimeError: order service could not start"));
    }

    [Test]
    public void A_Node_error_with_its_properties_is_one_event_after_the_source_excerpt()
    {
        var events = Read(Fixture("nats-js-v2-connect-refused.log"), out _);
        var error = events.Single(e => e.Message.StartsWith("NatsError", StringComparison.Ordinal));
        Assert.That(error.Message, Does.StartWith("NatsError: CONNECTION_REFUSED | code: 'CONNECTION_REFUSED',"));
        Assert.That(error.Message, Does.Contain("chainedError: Error: connect ECONNREFUSED 127.0.0.1:4299"));
        Assert.That(error.Message, Does.Not.Contain(" at "));
        Assert.That(error.LineCount, Is.EqualTo(16), "from the error to the closing brace of its properties");
        Assert.That(events.Last().Message, Is.EqualTo("Node.js v20.20.2"));
    }

    [Test]
    public void An_error_printed_after_the_applications_own_line_joins_it()
    {
        var events = Read(Fixture("nats-js-v2-request-and-reconnect.log"), out _);
        Assert.That(events[0].Message, Is.EqualTo("request failed: 503 | NatsError: 503"));
        Assert.That(events.Select(e => e.Message), Does.Contain("request failed: TIMEOUT"));
        Assert.That(events.Select(e => e.Message), Does.Contain("disconnect: \"127.0.0.1:4297\""));
        Assert.That(events.Count(e => e.Message.StartsWith("reconnecting: ", StringComparison.Ordinal)), Is.EqualTo(3));
        Assert.That(events.Single(e => e.Message.StartsWith("closed: ", StringComparison.Ordinal)).Message,
            Does.StartWith("closed: CONNECTION_REFUSED | NatsError: CONNECTION_REFUSED | code: 'CONNECTION_REFUSED',"));
    }

    [Test]
    public void A_NET_exception_and_its_frames_are_one_event()
    {
        var events = Read(Fixture("nats-client-v1-no-responders.log"), out _);
        Assert.That(events[0].Message, Is.EqualTo(
            "fail: request orders.get failed | NATS.Client.NATSNoRespondersException: No responders are available for the request."));
        Assert.That(events[0].LineCount, Is.EqualTo(5));
        Assert.That(events.Skip(1).Select(e => e.Message), Is.EqualTo(new[] { "DisconnectedEvent, Connection: 4", "ClosedEvent, Connection: 4" }));
    }

    [Test]
    public void The_NET_inner_exception_is_part_of_the_message()
    {
        // As .NET prints an exception with an inner one (Exception.ToString()).
        var text = string.Join('\n',
            "2026-11-25 10:00:00.123 [ERR] Publish failed",
            "NATS.Client.NATSConnectionException: Failed to connect",
            " ---> System.Net.Sockets.SocketException (111): Connection refused",
            "   at System.Net.Sockets.Socket.Connect(EndPoint remoteEP)",
            "   --- End of inner exception stack trace ---",
            "   at NATS.Client.Connection.connect(Boolean reconnectOnConnect)",
            "2026-11-25 10:00:01.000 [INF] Retrying");
        var events = Read(text, out _);
        Assert.That(events, Has.Count.EqualTo(2));
        Assert.That(events[0].Message, Is.EqualTo(
            "2026-11-25 10:00:00.123 [ERR] Publish failed | NATS.Client.NATSConnectionException: Failed to connect | ---> System.Net.Sockets.SocketException (111): Connection refused"));
        Assert.That(events[0].Time, Is.EqualTo(new DateTimeOffset(2026, 11, 25, 10, 0, 0, 123, TimeSpan.Zero)));
        Assert.That(events[1].Message, Does.EndWith("Retrying"));
    }

    [Test]
    public void The_nats_c_error_stack_belongs_to_its_error_line()
    {
        var events = Read(Fixture("nats-c-no-server.log"), out _);
        Assert.That(events.Select(e => e.Message), Is.EqualTo(new[]
        {
            "Error: 6 - No server available for connection - (conn.c:2088): No server available for connection",
            "Error: 6 - No server available for connection",
        }));
        Assert.That(events[0].LineCount, Is.EqualTo(4));
    }

    [Test]
    public void A_traceback_after_an_informational_line_is_its_own_event()
    {
        var text = string.Join('\n',
            "INFO:orders:starting",
            "Traceback (most recent call last):",
            "  File \"/app/main.py\", line 9, in main",
            "    nc = await nats.connect(\"nats://nats:4222\")",
            "nats.errors.NoServersError: nats: no servers available for connection",
            "INFO:orders:bye");
        var events = Read(text, out _);
        Assert.That(events.Select(e => e.Message), Is.EqualTo(new[]
        {
            "INFO:orders:starting",
            "nats.errors.NoServersError: nats: no servers available for connection",
            "INFO:orders:bye",
        }));
        Assert.That(events[1].Level, Is.EqualTo(LogLevel.Error));
        Assert.That(events[1].Line, Is.EqualTo(2));
    }

    [Test]
    public void A_traceback_cut_before_its_last_line_is_named_by_its_raise_statement()
    {
        // nats.py's request() as pasted in issue threads, cut off after the frame that raised.
        var text = string.Join('\n',
            "Traceback (most recent call last):",
            "  File \"/venv/lib/python3.11/site-packages/nats/js/manager.py\", line 375, in _api_request",
            "    msg = await self._nc.request(req_subject, req, timeout=timeout)",
            "          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^",
            "  File \"/venv/lib/python3.11/site-packages/nats/aio/client.py\", line 996, in request",
            "    raise errors.NoRespondersError");
        var events = Read(text, out _);
        Assert.That(events.Select(e => e.Message), Is.EqualTo(new[] { "at nats.aio.client.request | raise errors.NoRespondersError" }), "the innermost frame of the nats package is kept");
        Assert.That(events[0].Level, Is.EqualTo(LogLevel.Error));
    }

    [Test]
    public void A_whole_traceback_is_named_by_its_exception_not_by_a_raise_inside_it()
    {
        var text = string.Join('\n',
            "Traceback (most recent call last):",
            "  File \"/venv/lib/python3.11/site-packages/nats/aio/client.py\", line 996, in request",
            "    raise errors.NoRespondersError",
            "nats.errors.NoRespondersError: nats: no responders available for request");
        var events = Read(text, out _);
        Assert.That(events.Select(e => e.Message), Is.EqualTo(new[] { "at nats.aio.client.request | nats.errors.NoRespondersError: nats: no responders available for request" }));
    }

    [Test]
    public void A_nats_py_timeout_says_whether_it_came_from_dialling_or_from_a_request()
    {
        static string Timeout(string file, int line, string function) => string.Join('\n',
            "Traceback (most recent call last):",
            $"  File \"/usr/local/lib/python3.11/site-packages/nats/aio/{file}.py\", line {line}, in {function}",
            "    r, w = await asyncio.wait_for(",
            "  File \"/usr/local/lib/python3.11/asyncio/tasks.py\", line 502, in wait_for",
            "    raise exceptions.TimeoutError() from exc",
            "TimeoutError");
        Assert.That(Read(Timeout("transport", 121, "connect"), out _).Single().Message, Is.EqualTo("at nats.aio.transport.connect | TimeoutError"));
        Assert.That(Read(Timeout("client", 1061, "_request_new_style"), out _).Single().Message, Is.EqualTo("at nats.aio.client._request_new_style | TimeoutError"));
    }

    [Test]
    public void A_line_naming_an_exception_without_frames_stays_a_line()
    {
        var text = string.Join('\n',
            "2026-11-25 10:00:00 WARN reconnect attempt failed",
            "java.net.ConnectException: Connection refused",
            "2026-11-25 10:00:01 INFO connected");
        var events = Read(text, out _);
        Assert.That(events.Select(e => e.Message), Is.EqualTo(new[]
        {
            "2026-11-25 10:00:00 WARN reconnect attempt failed",
            "java.net.ConnectException: Connection refused",
            "2026-11-25 10:00:01 INFO connected",
        }));
        Assert.That(events.All(e => e.LineCount == 1), Is.True);
    }

    [Test]
    public void A_Go_panic_is_still_gathered_as_before()
    {
        var text = string.Join('\n',
            "2026/11/25 10:00:00 nats: connection closed",
            "panic: runtime error: invalid memory address or nil pointer dereference",
            "[signal SIGSEGV: segmentation violation code=0x1 addr=0x18 pc=0x9b1c2a]",
            "",
            "goroutine 1 [running]:",
            "main.main()",
            "\t/app/main.go:12 +0x1d");
        var events = Read(text, out _);
        Assert.That(events, Has.Count.EqualTo(2));
        Assert.That(events[1].Level, Is.EqualTo(LogLevel.Fatal));
        Assert.That(events[1].LineCount, Is.EqualTo(6));
    }

    [Test]
    public void A_record_is_bounded_however_long_the_trace()
    {
        var frames = Enumerable.Range(0, 5000).Select(i => $"\tat com.example.Deep.call{i}(Deep.java:{i})");
        var text = string.Join('\n', new[] { "Exception in thread \"main\" java.lang.StackOverflowError" }.Concat(frames).Append("done"));
        var events = Read(text, out _);
        Assert.That(events, Has.Count.EqualTo(2));
        Assert.That(events[0].LineCount, Is.EqualTo(5001));
        Assert.That(events[0].Text.Split('\n'), Has.Length.LessThanOrEqualTo(200));
        Assert.That(events[0].Message, Is.EqualTo("Exception in thread \"main\" java.lang.StackOverflowError"));
    }

    [Test]
    public void Java_util_loggings_two_line_layout_is_one_event_with_its_time_and_level()
    {
        var events = Read(Fixture("jul-jnats-error-listener.log"), out var format);
        Assert.That(format, Is.EqualTo("text"));
        Assert.That(events.Select(e => e.Message), Is.EqualTo(new[]
        {
            "SEVERE: exceptionOccurred, Connection: 14, Exception: java.net.ConnectException: Connection refused",
            "WARNING: NATS is not reachable yet | java.net.ConnectException: Connection refused",
            "SEVERE: errorOccurred, Connection: 14, Error: Stale Connection",
            "INFO: shutting down",
        }));
        Assert.That(events.Select(e => e.Level), Is.EqualTo(new[] { LogLevel.Error, LogLevel.Warning, LogLevel.Error, LogLevel.Info }));
        Assert.That(events.Select(e => e.LineCount), Is.EqualTo(new[] { 2, 10, 2, 2 }));
        Assert.That(events[0].Time, Is.EqualTo(new DateTimeOffset(2026, 12, 3, 7, 35, 7, TimeSpan.Zero)));
        Assert.That(events[3].Time, Is.EqualTo(new DateTimeOffset(2026, 12, 3, 7, 35, 8, TimeSpan.Zero)));
    }
}
