using System.Text.Json;
using LogTriage.Input;
using LogTriage.Parsing;
using LogTriage.Tests.Support;

namespace LogTriage.Tests.Parsing;

/// <summary>
/// The real server's lines (samples-logs/) wrapped the way each platform wraps them, read back
/// through the whole pipeline: the wrapper is detected and peeled, the inner line parsed as a
/// server line, and the cause found as in the plain file.
/// </summary>
public class WrappedLogFormatTests
{
    private const string Sample = "auth-wrong-password.log";

    private static string[] ServerLines => File.ReadAllLines(RepositoryPaths.Sample(Sample));

    /// <summary>The server's own layout without its level label and pid, as its syslog output carries it.</summary>
    private static (string Level, string Message) SplitServerLine(string line)
    {
        Assert.That(ServerLinePrefixParser.TryParse(line, out var prefix), Is.True, line);
        var label = System.Text.RegularExpressions.Regex.Match(line, @"\[(TRC|DBG|INF|WRN|ERR|FTL)\] ").Groups[1].Value;
        return (label, line[prefix.MessageStart..]);
    }

    private static (AnalysisResult Result, List<LogEvent> Events) Analyze(string name, IEnumerable<string> lines)
    {
        var text = string.Join('\n', lines) + "\n";
        var stats = new InputStatistics(name);
        var source = InputSource.FromText(name, text);
        using var peekable = new PeekableLines(LineReader.ReadLines(source.Open(), stats));
        var format = FormatDetector.Default.Detect(peekable.Peek(50));
        var events = format.CreateParser(name).Parse(peekable).ToList();
        return (ShippedRules.Analyzer.Analyze([InputSource.FromText(name, text)]), events);
    }

    private static void AssertReadAsServerLog(AnalysisResult result, List<LogEvent> events, string expectedFormat, bool levelsKnown = true)
    {
        Assert.That(result.Inputs[0].Format, Is.EqualTo(expectedFormat));
        Assert.That(result.Inputs[0].Unparsed, Is.EqualTo(0));
        Assert.That(events.All(e => e.Origin == EventOrigin.Server && e.Time is not null), Is.True);
        if (levelsKnown)
            Assert.That(events.Count(e => e.Level == LogLevel.Error), Is.EqualTo(ServerLines.Count(l => l.Contains("[ERR]"))));
        var failure = events.First(e => e.Message.StartsWith("authentication error"));
        Assert.That(failure.Connection?.Name, Is.EqualTo("orders-service"));
        Assert.That(result.Causes[0].Cause, Is.EqualTo("auth"));
    }

    [Test]
    public void Docker_json_file_lines()
    {
        var start = new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
        var wrapped = ServerLines.Select((l, i) => JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["log"] = l + "\n", ["stream"] = "stderr", ["time"] = start.AddMilliseconds(i).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'00Z'"),
        }));
        var (result, events) = Analyze("docker.log", wrapped);
        AssertReadAsServerLog(result, events, "docker-json+nats-server");
        Assert.That(result.Causes[0].Evidence[0].Event.Text, Does.StartWith("{\"log\":"), "evidence is the line as it was in the input");
    }

    [Test]
    public void Kubectl_timestamps_and_prefix()
    {
        var wrapped = ServerLines.Select((l, i) => $"[pod/nats-0/nats] 2026-11-25T10:00:{i % 60:00}.123456789Z {l}");
        var (result, events) = Analyze("kubectl.log", wrapped);
        AssertReadAsServerLog(result, events, "kubectl-prefix+kubectl-timestamps+nats-server");
    }

    [Test]
    public void Cri_container_log_file()
    {
        var wrapped = ServerLines.Select((l, i) => $"2026-11-25T10:00:{i % 60:00}.123456789+00:00 stderr F {l}");
        var (result, events) = Analyze("cri.log", wrapped);
        AssertReadAsServerLog(result, events, "kubectl-timestamps+nats-server");
    }

    [Test]
    public void Journalctl_short_of_a_server_logging_to_stderr()
    {
        var wrapped = ServerLines.Select(l => $"Nov 25 10:00:00 nats-host nats-server[4711]: {l}");
        var (result, events) = Analyze("journal.log", wrapped);
        AssertReadAsServerLog(result, events, "syslog+nats-server");
    }

    [Test]
    public void Journalctl_short_iso_of_the_server_syslog_output_has_no_levels()
    {
        // With syslog: true the server writes no label; journalctl's short output drops the priority.
        var wrapped = ServerLines.Select(l => $"2026-11-25T10:00:00+0000 nats-host nats-server[4711]: {SplitServerLine(l).Message}");
        var (result, events) = Analyze("journal-iso.log", wrapped);
        AssertReadAsServerLog(result, events, "syslog+nats-server", levelsKnown: false);
    }

    [Test]
    public void Local_syslog_wire_format_carries_the_level_in_its_priority()
    {
        var pri = new Dictionary<string, int> { ["INF"] = 29, ["DBG"] = 31, ["WRN"] = 28, ["ERR"] = 27, ["TRC"] = 29, ["FTL"] = 26 };
        var wrapped = ServerLines.Select(l =>
        {
            var (level, message) = SplitServerLine(l);
            return $"<{pri[level]}>Nov 25 10:00:00 nats-server[4711]: {message}";
        });
        var (result, events) = Analyze("syslog.log", wrapped);
        AssertReadAsServerLog(result, events, "syslog+nats-server");
    }

    [Test]
    public void A_crash_that_starts_the_capture_behind_kubectl_time_stamps_is_not_read_as_syslog()
    {
        // "<time> panic: runtime error: ..." has the shape of a syslog line without a host: the
        // crash is the first thing the container wrote after a restart.
        var lines = File.ReadAllLines(RepositoryPaths.Sample("go-panic.log")).SkipWhile(l => !l.StartsWith("panic:"));
        var wrapped = lines.Select(l => $"2026-11-26T19:45:04.500000000Z {l}");
        var (result, events) = Analyze("kubectl-panic.log", wrapped);
        Assert.That(result.Inputs[0].Format, Does.StartWith("kubectl-timestamps+"));
        Assert.That(result.Causes[0].Cause, Is.EqualTo("server-bug"));
        Assert.That(events.Single(e => e.Message.StartsWith("panic:")).LineCount, Is.GreaterThan(5));
    }

    [Test]
    public void A_panic_captured_by_docker_is_gathered_and_found()
    {
        var lines = File.ReadAllLines(RepositoryPaths.Sample("go-panic.log"));
        var wrapped = lines.Select(l => JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["log"] = l + "\n", ["stream"] = "stderr", ["time"] = "2026-11-26T19:45:04.500000000Z",
        }));
        var (result, events) = Analyze("docker-panic.log", wrapped);
        Assert.That(result.Causes[0].Cause, Is.EqualTo("server-bug"));
        var panic = events.Single(e => e.Message.StartsWith("panic:"));
        Assert.That(panic.LineCount, Is.GreaterThan(5), "the stack lines, each its own JSON record, belong to the panic");
    }

    [Test]
    public void Google_cloud_logging_export_with_the_streams_severity()
    {
        // The agent marks every stderr line ERROR: the server's own [INF]/[DBG] levels must win.
        var wrapped = ServerLines.Select((l, i) => JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["insertId"] = $"id{i}", ["logName"] = "projects/acme/logs/stderr", ["severity"] = "ERROR", ["textPayload"] = l,
            ["resource"] = new Dictionary<string, object> { ["type"] = "k8s_container", ["labels"] = new Dictionary<string, string> { ["container_name"] = "nats" } },
            ["timestamp"] = "2026-11-25T10:00:00.123456789Z",
        }));
        var (result, events) = Analyze("gcp.json", wrapped);
        AssertReadAsServerLog(result, events, "log-export+nats-server");
    }

    [Test]
    public void Journalctl_json_of_the_server_syslog_output()
    {
        var priority = new Dictionary<string, string> { ["INF"] = "6", ["DBG"] = "7", ["WRN"] = "4", ["ERR"] = "3", ["TRC"] = "7", ["FTL"] = "2" };
        var wrapped = ServerLines.Select((l, i) =>
        {
            var (level, message) = SplitServerLine(l);
            return JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["__REALTIME_TIMESTAMP"] = $"{1795600800000000L + i}", ["PRIORITY"] = priority[level], ["SYSLOG_IDENTIFIER"] = "nats-server",
                ["_PID"] = "4711", ["_TRANSPORT"] = "syslog", ["MESSAGE"] = message,
            });
        });
        var (result, events) = Analyze("journal.json", wrapped);
        AssertReadAsServerLog(result, events, "log-export+nats-server");
    }

    [Test]
    public void Loki_elasticsearch_and_splunk_exports()
    {
        var loki = ServerLines.Select(l => JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["line"] = l, ["timestamp"] = "2026-11-25T10:00:00.123Z", ["fields"] = new Dictionary<string, string> { ["app"] = "nats" },
        }));
        var (result, events) = Analyze("loki.json", loki);
        AssertReadAsServerLog(result, events, "log-export+nats-server");

        var hits = ServerLines.Select(l => JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["_index"] = "logs", ["_source"] = new Dictionary<string, string> { ["@timestamp"] = "2026-11-25T10:00:00.123Z", ["message"] = l },
        }));
        (result, events) = Analyze("elastic.json", hits);
        AssertReadAsServerLog(result, events, "log-export+nats-server");

        var splunk = ServerLines.Select(l => JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["preview"] = false, ["result"] = new Dictionary<string, string> { ["_time"] = "2026-11-25T10:00:00.123+00:00", ["host"] = "nats-0", ["_raw"] = l },
        }));
        (result, events) = Analyze("splunk.json", splunk);
        AssertReadAsServerLog(result, events, "log-export+nats-server");
    }

    [Test]
    public void Csv_download_of_a_log_platform()
    {
        // CloudWatch Logs Insights: a header, then the time and the line, its quotes doubled.
        var rows = ServerLines.Select((l, i) => $"2026-11-25 10:00:{i % 60:00}.123,\"{l.Replace("\"", "\"\"")}\"");
        var (result, events) = Analyze("cloudwatch.csv", rows.Prepend("@timestamp,@message"));
        Assert.That(result.Inputs[0].Format, Is.EqualTo("csv-export+nats-server"));
        Assert.That(result.Inputs[0].Unparsed, Is.EqualTo(1), "the header row");
        var failure = events.First(e => e.Message.StartsWith("authentication error"));
        Assert.That(failure.Connection?.Name, Is.EqualTo("orders-service"), "the doubled quotes around the client's name are undone");
        Assert.That(result.Causes[0].Cause, Is.EqualTo("auth"));
    }

    [Test]
    public void Grep_output_with_file_names_line_numbers_and_context_separators()
    {
        // grep -n, grep -Hn, and grep -C1 -Hn (context lines take '-', groups are split by "--").
        var numbered = ServerLines.Select((l, i) => $"{i + 1}:{l}");
        var (result, events) = Analyze("grep-n.txt", numbered);
        AssertReadAsServerLog(result, events, "nats-server");
        var named = ServerLines.Select((l, i) => $"/var/log/nats/nats.log:{i + 1}:{l}");
        (result, events) = Analyze("grep-Hn.txt", named);
        AssertReadAsServerLog(result, events, "nats-server");
        var context = ServerLines.SelectMany((l, i) => i % 3 == 1 ? [$"nats.log.1:{i + 1}:{l}"] : new[] { $"nats.log.1-{i + 1}-{l}" }.Append(i % 3 == 2 ? "--" : null).OfType<string>());
        (result, _) = Analyze("grep-C.txt", context);
        Assert.That(result.Causes[0].Cause, Is.EqualTo("auth"));
    }

    /// <summary>
    /// A client's multi-line exception behind grep's prefixes is still one event: the real NATS.Client
    /// v1 application of samples-logs/clients failing its first connect, its stack under the message.
    /// </summary>
    [Test]
    public void A_clients_exception_behind_grep_prefixes_is_one_event()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Samples, "clients", "unreachable-never-started.net.log"));
        var (plain, plainEvents) = Analyze("plain.log", lines);
        var (grepped, greppedEvents) = Analyze("grep.txt", lines.Select((l, i) => $"app.log:{i + 1}:{l}"));
        Assert.Multiple(() =>
        {
            Assert.That(grepped.Inputs[0].Format, Is.EqualTo("grep+" + plain.Inputs[0].Format));
            Assert.That(greppedEvents.Select(e => e.LineCount), Is.EqualTo(plainEvents.Select(e => e.LineCount)), "the stack stays with its message");
            Assert.That(greppedEvents.Max(e => e.LineCount), Is.GreaterThan(1));
            Assert.That(grepped.Causes.Select(c => c.Cause), Is.EqualTo(plain.Causes.Select(c => c.Cause)).And.Not.Empty);
        });
    }

    [Test]
    public void A_clock_time_or_a_date_is_not_a_grep_line_number()
    {
        var wrapper = new LogTriage.Parsing.Wrappers.GrepPrefixWrapper();
        Assert.Multiple(() =>
        {
            Assert.That(wrapper.TryUnwrap("10:42:38 Disconnected due to: EOF, will attempt reconnect", out _), Is.False);
            Assert.That(wrapper.TryUnwrap("2024-05-01 10:00:00 nats: no servers available for connection", out _), Is.False);
            Assert.That(wrapper.TryUnwrap("java.io.IOException: Unable to connect to NATS servers", out _), Is.False);
            Assert.That(wrapper.TryUnwrap("ERROR:nats.aio.client:nats: encountered error", out _), Is.False);
            Assert.That(wrapper.TryUnwrap("57:2024/05/01 10:00:00 nats: no servers available for connection", out var inner), Is.True);
            Assert.That(inner.Text, Is.EqualTo("2024/05/01 10:00:00 nats: no servers available for connection"));
            Assert.That(wrapper.TryUnwrap("./logs/nats-2.log.gz:12:[1] 2024/05/01 10:00:00.000001 [INF] Server is ready", out inner), Is.True);
            Assert.That(inner.Text, Does.StartWith("[1] 2024/05/01"));
        });
    }

    [Test]
    public void An_applications_json_log_is_not_an_export()
    {
        // zap's msg is the application's own message: read as JSON lines, not peeled.
        var lines = new[]
        {
            "{\"level\":\"info\",\"ts\":1764064800.1,\"msg\":\"connected to NATS\",\"url\":\"nats://nats:4222\"}",
            "{\"level\":\"error\",\"ts\":1764064805.2,\"msg\":\"NATS disconnected\",\"error\":\"read tcp 10.0.0.5:40000->10.0.0.1:4222: read: connection reset by peer\"}",
        };
        var (result, events) = Analyze("zap.json", lines);
        Assert.That(result.Inputs[0].Format, Is.EqualTo("json-lines"));
        Assert.That(events[1].Level, Is.EqualTo(LogLevel.Error));
        Assert.That(result.Causes[0].Cause, Is.EqualTo("network"));

        // zerolog's caller is a "line" beside the message, not a line collected by Loki.
        var zerolog = "{\"level\":\"fatal\",\"error\":\"nats: no servers available for connection\",\"time\":\"2024-01-02T08:03:35Z\",\"line\":\"github.com/acme/app/register.go:21\",\"message\":\"Failed to connect to NATS\"}";
        (result, events) = Analyze("zerolog.json", [zerolog]);
        Assert.That(result.Inputs[0].Format, Is.EqualTo("json-lines"));
        Assert.That(events[0].Message, Does.StartWith("Failed to connect to NATS"));
    }
}
