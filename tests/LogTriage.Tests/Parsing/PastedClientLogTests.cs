using LogTriage.Input;
using LogTriage.Tests.Support;

namespace LogTriage.Tests.Parsing;

/// <summary>
/// Real client logs (samples-logs/clients, written by nats.go and nats.js against the real server)
/// as they reach us through docker compose or pasted into an issue: behind a coloured service
/// name, as a markdown quote, as table rows. The client's multi-line errors must still be gathered
/// and the same cause found as in the plain file.
/// </summary>
public class PastedClientLogTests
{
    private static IEnumerable<string> ClientSamples() =>
        Directory.GetFiles(Path.Combine(RepositoryPaths.Samples, "clients"), "*.log")
            .Where(f => f.EndsWith(".go.log") || f.EndsWith(".js.log"))
            .Select(Path.GetFileName)
            .Order()!;

    private static readonly Dictionary<string, Func<string, string>> Pastes = new()
    {
        ["compose v2, coloured"] = l => $"\x1b[36morders-1  | \x1b[0m{l}",
        ["compose v1"] = l => l.Length == 0 ? "orders_1  |" : $"orders_1  | {l}",
        ["markdown quote"] = l => l.Length == 0 ? ">" : $"> {l}",
        ["markdown table"] = l => $"| {l} |",
        ["stern, coloured"] = l => $"\x1b[32mprices-7d9f8b6c4-x2k9p\x1b[0m \x1b[34mapp\x1b[0m {l}",
        ["stern, a StatefulSet's pod"] = l => $"nats-0 app {l}",
        ["indented as a whole (a code block in a list item)"] = l => l.Length == 0 ? "" : $"    {l}",
    };

    private static IReadOnlyList<string> TopCauses(string name, string text) =>
        ShippedRules.Analyzer.Analyze([InputSource.FromText(name, text)]).Causes.Select(c => c.Cause).ToList();

    [TestCaseSource(nameof(ClientSamples))]
    public void A_pasted_client_log_gives_the_causes_of_the_plain_file(string sample)
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Samples, "clients", sample));
        var plain = TopCauses(sample, string.Join('\n', lines) + "\n");
        foreach (var (paste, wrap) in Pastes)
            Assert.That(TopCauses(sample, string.Join('\n', lines.Select(wrap)) + "\n"), Is.EqualTo(plain), paste);
    }

    [Test]
    public void A_javascript_stack_behind_compose_names_is_one_event()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Samples, "clients", "auth-wrong-password.js.log"));
        Assert.That(lines.Count(l => l.TrimStart().StartsWith("at ")), Is.GreaterThan(2), "the sample has a stack");
        var text = string.Join('\n', lines.Select(l => $"orders-1  | {l}")) + "\n";
        var result = ShippedRules.Analyzer.Analyze([InputSource.FromText("compose.log", text)]);
        Assert.That(result.Inputs[0].Format, Is.EqualTo("compose+text"));
        var evidence = result.Causes[0].Evidence[0].Event;
        Assert.That(evidence.LineCount, Is.GreaterThan(1), "the error and its stack are one event");
    }

    [Test]
    public void A_client_line_beside_one_server_line_behind_compose_names_stays_the_client_s()
    {
        var clients = Path.Combine(RepositoryPaths.Samples, "clients");
        var server = File.ReadAllLines(Path.Combine(clients, "unreachable-server-stopped.server.log")).First();
        var client = File.ReadAllLines(Path.Combine(clients, "unreachable-server-stopped.go.log")).First(l => l.Contains("no servers available"));
        var text = $"nats-1    | {server}\nprices-1  | {client}\n";
        var result = ShippedRules.Analyzer.Analyze([InputSource.FromText("compose.log", text)]);
        Assert.That(result.Causes.Select(c => c.Cause), Does.Contain("unreachable"), "the client's \"no servers available\" is read as the client's, not as a bare server line");
    }

    [TestCase("nats-0 nats: no servers available for connection")]
    [TestCase("orders processed 5 messages; nats: no servers available for connection")]
    [TestCase("step-2 ERROR nats: no servers available for connection")]
    public void Words_that_only_look_like_pod_and_container_names_are_not_stern_s_prefix(string line)
    {
        var result = ShippedRules.Analyzer.Analyze([InputSource.FromText("app.log", $"{line}\n{line}\n")]);
        Assert.That(result.Inputs[0].Format, Does.Not.StartWith("stern"));
        Assert.That(result.Causes.Select(c => c.Cause), Does.Contain("unreachable"));
    }

    [Test]
    public void A_paste_that_starts_inside_a_stack_keeps_its_frames_as_they_are()
    {
        // Its first lines are indented and the next is not: nothing is shared, nothing taken off.
        var text = "    at io.nats.client.impl.NatsConnection.connect(NatsConnection.java:310)\n"
                   + "    at io.nats.client.Nats.connect(Nats.java:295)\n"
                   + "java.io.IOException: Unable to connect to NATS servers: [nats://nats:4222]\n"
                   + "    at io.nats.client.impl.NatsConnection.connect(NatsConnection.java:312)\n";
        var result = ShippedRules.Analyzer.Analyze([InputSource.FromText("app.log", text)]);
        Assert.That(result.Causes, Is.Not.Empty);
        Assert.That(result.Causes[0].Evidence[0].Event.LineCount, Is.EqualTo(2), "the exception and its frame are one event");
    }

    [Test]
    public void A_python_traceback_behind_stern_names_is_one_event()
    {
        var text = string.Join('\n', new[]
        {
            "Traceback (most recent call last):",
            "  File \"/app/worker.py\", line 12, in main",
            "    await nc.connect(\"nats://nats:4222\")",
            "nats.errors.NoServersError: nats: no servers available for connection",
        }.Select(l => $"worker-5c8d7f9b6-q4w2z worker {l}")) + "\n";
        var result = ShippedRules.Analyzer.Analyze([InputSource.FromText("stern.log", text)]);
        Assert.That(result.Inputs[0].Format, Is.EqualTo("stern+text"));
        Assert.That(result.Causes, Is.Not.Empty);
        Assert.That(result.Causes[0].Evidence[0].Event.LineCount, Is.EqualTo(4), "the traceback and its exception are one event");
    }

    [TestCase("|   ")]
    [TestCase("| |")]
    [TestCase("|  |  ")]
    [TestCase(">")]
    [TestCase("orders-1  |")]
    public void Bare_bars_and_quote_marks_are_read_without_error(string line)
    {
        var text = $"| nats: no servers available for connection |\n{line}\n| nats: no servers available for connection |\n";
        var result = ShippedRules.Analyzer.Analyze([InputSource.FromText("paste.log", text)]);
        Assert.That(result.Causes.Select(c => c.Cause), Does.Contain("unreachable"));
    }

    [Test]
    public void A_level_before_a_bar_is_the_application_s_level_not_a_compose_service()
    {
        var text = "INFO  | connected to nats://10.0.0.1:4222\nERROR | nats: authorization violation\nWARN  | reconnecting\n";
        var result = ShippedRules.Analyzer.Analyze([InputSource.FromText("app.log", text)]);
        Assert.That(result.Inputs[0].Format, Does.Not.StartWith("compose"));
        Assert.That(result.Causes.Select(c => c.Cause), Does.Contain("auth"));
    }
}
