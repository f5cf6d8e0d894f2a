using LogTriage.Input;
using LogTriage.Parsing;
using LogTriage.Signals;
using LogTriage.Tests.Support;

namespace LogTriage.Tests.Parsing;

/// <summary>
/// The real server's lines and crash (samples-logs/go-panic.log, auth-wrong-password.log) as they
/// arrive in bug reports and collected logs: behind the prefix each platform puts before a line
/// (Fixtures/Prefixed/, written by its make.py from the tools' own layouts). Each is read as the
/// analyzer reads it (detection on the first lines, lines skipped by the parser before they become
/// strings), and must give the server's events, one crash event, and the cause of the plain file.
/// </summary>
public class PrefixedServerLogTests
{
    private const int CrashLines = 12;

    /// <summary>Fewer than the analyzer's default, so these short files have lines left to skip after detection.</summary>
    private const int DetectionLines = 12;

    private static string Fixture(string name) =>
        Path.Combine(TestContext.CurrentContext.TestDirectory, "Parsing", "Fixtures", "Prefixed", name);

    /// <param name="Events">Every line's event: read without skipping.</param>
    /// <param name="Kept">The events when the parser skips what no rule can match, as the analyzer reads.</param>
    private sealed record Reading(string Format, List<LogEvent> Events, List<LogEvent> Kept, InputStatistics Stats, AnalysisResult Result);

    private static Reading Read(string name)
    {
        var path = Fixture(name);
        var (format, events, _) = Parse(path, null);
        var (_, kept, stats) = Parse(path, new SignalMatcher(ShippedRules.Rules));
        return new Reading(format, events, kept, stats, ShippedRules.Analyzer.Analyze([InputSource.FromFile(path)]));
    }

    /// <summary>As <see cref="LogAnalyzer"/> reads an input: detection on the first lines, then the parser may skip lines.</summary>
    private static (string Format, List<LogEvent> Events, InputStatistics Stats) Parse(string path, ILineRelevance? relevance)
    {
        var stats = new InputStatistics(path);
        using var stream = File.OpenRead(path);
        var reader = new LineReader();
        using var lines = new PeekableLines(reader.Read(stream, stats), () => reader.AtEndOfAvailable);
        var format = FormatDetector.Default.Detect(lines.Peek(DetectionLines));
        var parser = relevance is null ? format.CreateParser(path) : format.CreateParser(path, relevance);
        reader.Skipper = parser as ILineSkipper;
        var events = parser.Parse(lines).ToList();
        return (parser is IFormatNamed named ? named.FormatName : format.Name, events, stats);
    }

    private static void AssertServerLogWithOneCrash(Reading read, string format)
    {
        Assert.Multiple(() =>
        {
            Assert.That(read.Format, Is.EqualTo(format));
            Assert.That(read.Result.Inputs[0].Format, Is.EqualTo(format));
            Assert.That(read.Events.Where(e => !e.Parsed).Select(e => e.Text), Is.Empty, "every line understood");
            var crash = read.Events.Single(e => e.Level == LogLevel.Fatal);
            Assert.That(crash.Message, Is.EqualTo("panic: runtime error: invalid memory address or nil pointer dereference"));
            Assert.That(crash.LineCount, Is.EqualTo(CrashLines), "the signal line, the blank line and every frame belong to the panic:\n" + crash.Text);
            Assert.That(crash.Line, Is.EqualTo(14));
            Assert.That(crash.Origin, Is.EqualTo(EventOrigin.Server));
            Assert.That(crash.Time, Is.Not.Null);
            Assert.That(read.Events.Where(e => e.Level != LogLevel.Fatal).All(e => e.Origin == EventOrigin.Server && e.Time is not null), Is.True);
            Assert.That(read.Events.Any(e => e.Connection?.Name == "inventory-cli" && e.Message == "Client connection closed: Client Closed"), Is.True,
                "connection fields are read behind the prefix");
            Assert.That(read.Kept.Where(e => e.Level == LogLevel.Fatal).Select(e => e.LineCount), Is.EqualTo(new[] { CrashLines }), "skipping stops at a crash: " + string.Join("\n", read.Kept.Select(e => $"{e.Line} {e.Level} {e.LineCount} {e.Text}")));
            if (!read.Format.Contains('+'))
                Assert.That(read.Stats.Skipped, Is.GreaterThan(0), "lines no rule can match are still skipped behind a prefix");
            Assert.That(read.Result.Causes.Select(c => c.Cause), Does.Contain("server-bug"));
        });
    }

    [Test]
    public void Kubectl_logs_prefix() => AssertServerLogWithOneCrash(Read("kubectl-prefix.log"), "kubectl-prefix+nats-server");

    [Test]
    public void Kubectl_logs_timestamps() => AssertServerLogWithOneCrash(Read("kubectl-timestamps.log"), "kubectl-timestamps+nats-server");

    [Test]
    public void Stern_with_coloured_pod_and_container() => AssertServerLogWithOneCrash(Read("stern.log"), "nats-server");

    [Test]
    public void Docker_compose_v2_with_coloured_service_names() => AssertServerLogWithOneCrash(Read("compose-v2.log"), "nats-server");

    [Test]
    public void Docker_compose_v1() => AssertServerLogWithOneCrash(Read("compose-v1.log"), "nats-server");

    [Test]
    public void Journald_of_a_server_logging_to_stderr() => AssertServerLogWithOneCrash(Read("journald.log"), "syslog+nats-server");

    [Test]
    public void Markdown_quote() => AssertServerLogWithOneCrash(Read("markdown-quote.log"), "nats-server");

    [Test]
    public void Indented_code_block() => AssertServerLogWithOneCrash(Read("indented.log"), "nats-server");

    [Test]
    public void Crlf_line_ends() => AssertServerLogWithOneCrash(Read("crlf.log"), "nats-server");

    [Test]
    public void A_panic_indented_by_four_behind_a_compose_prefix_is_one_fatal_event()
    {
        var read = Read("compose-panic-indented.log");
        AssertServerLogWithOneCrash(read, "nats-server");
        var crash = read.Events.Single(e => e.Level == LogLevel.Fatal);
        Assert.That(crash.Text, Does.StartWith("panic: runtime error").And.Contain("\ngoroutine 77 [running]:\n")
                .And.Contain("\n\t/home/travis/gopath/src/github.com/nats-io/nats-server/server/server.go:3016 +0x87"),
            "the event holds the dump without the prefix and the indentation before it, with the dump's own");
    }

    [Test]
    public void Journald_with_only_the_level_label_after_the_tag()
    {
        var read = Read("journald-label-only.log");
        Assert.Multiple(() =>
        {
            Assert.That(read.Format, Is.EqualTo("syslog+nats-server"));
            Assert.That(read.Events.Where(e => !e.Parsed), Is.Empty);
            Assert.That(read.Events.Count(e => e.Level == LogLevel.Error && e.Message == "authentication error"), Is.EqualTo(4));
            Assert.That(read.Events.All(e => e.Time is not null), Is.True, "the journal's time stands in for the missing stamp");
            Assert.That(read.Result.Causes[0].Cause, Is.EqualTo("auth"));
        });
    }

    [Test]
    public void Markdown_table_rows()
    {
        var read = Read("markdown-table.log");
        Assert.Multiple(() =>
        {
            Assert.That(read.Format, Is.EqualTo("nats-server"));
            // The table's header and separator rows are not the server's.
            Assert.That(read.Events.Where(e => !e.Parsed).Select(e => e.Line), Is.EqualTo(new[] { 1L, 2L }));
            var failure = read.Events.First(e => e.Level == LogLevel.Error);
            Assert.That(failure.Message, Is.EqualTo("authentication error"), "the cell's closing border is not part of the message");
            Assert.That(failure.Connection?.Name, Is.EqualTo("orders-service"));
            Assert.That(read.Result.Causes[0].Cause, Is.EqualTo("auth"));
        });
    }

    [Test]
    public void Mixed_compose_output_of_a_cluster_and_an_application()
    {
        var read = Read("compose-cluster-mixed.log");
        Assert.Multiple(() =>
        {
            Assert.That(read.Format, Is.EqualTo("nats-server"));
            var crash = read.Events.Single(e => e.Level == LogLevel.Fatal);
            Assert.That(crash.LineCount, Is.EqualTo(CrashLines), "nats-2's dump is gathered although nats-2 wrote no line before it");
            // The application's line is not the server's, but is kept for the client rules.
            var application = read.Events.Single(e => !e.Parsed);
            Assert.That(application.Message, Does.EndWith("nats: no servers available for connection"));
            Assert.That(read.Events.Count(e => e.Level == LogLevel.Error && e.Connection?.Name == "orders-service"), Is.EqualTo(4));
            Assert.That(read.Result.Causes.Select(c => c.Cause), Is.SupersetOf(new[] { "server-bug", "auth" }));
        });
    }

    [Test]
    public void Mixed_paste_part_quoted_part_indented_part_plain()
    {
        var read = Read("paste-mixed.log");
        Assert.Multiple(() =>
        {
            Assert.That(read.Format, Is.EqualTo("nats-server"));
            Assert.That(read.Events.Where(e => !e.Parsed && e.Text.Length > 0), Is.Empty);
            var crash = read.Events.Single(e => e.Level == LogLevel.Fatal);
            Assert.That(crash.Message, Does.StartWith("panic: "));
            Assert.That(crash.LineCount, Is.EqualTo(CrashLines + 1), "with the blank line that ends the indented block");
            Assert.That(read.Result.Causes.Select(c => c.Cause), Is.SupersetOf(new[] { "server-bug", "auth" }));
        });
    }
}
