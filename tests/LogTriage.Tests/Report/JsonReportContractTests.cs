using System.Text.Json.Nodes;
using Json.Schema;
using LogTriage.Tests.Support;

namespace LogTriage.Tests.Report;

/// <summary>
/// The JSON report is a contract (docs/report.schema.json): real outputs of every path that writes
/// it (analyze json, the report line of jsonl, scan json) must satisfy the schema, so a renamed or
/// dropped field fails here before it breaks somebody's cron job.
/// </summary>
public class JsonReportContractTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(
        File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "report.schema.json")),
        new BuildOptions { SchemaRegistry = new SchemaRegistry() });

    private static void AssertValid(string json, string what)
    {
        var result = Schema.Evaluate(System.Text.Json.JsonDocument.Parse(json).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = (result.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).Take(10);
        Assert.That(result.IsValid, Is.True, $"{what}:\n{string.Join('\n', errors)}");
    }

    private static IEnumerable<TestCaseData> Samples() =>
        Directory.EnumerateFiles(RepositoryPaths.Samples, "*.log").Order(StringComparer.Ordinal)
            .Select(f => new TestCaseData(Path.GetFileName(f)).SetName($"analyze json of {Path.GetFileName(f)} meets the contract"));

    [TestCaseSource(nameof(Samples))]
    public void Analyze_json(string sample)
    {
        var run = CliRun.Of("analyze", RepositoryPaths.Sample(sample), "--format", "json");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        AssertValid(run.Out, sample);
    }

    [Test]
    public void Analyze_json_of_server_and_client_logs_together()
    {
        var scenarios = Path.Combine(RepositoryPaths.Samples, "scenarios");
        var run = CliRun.Of("analyze", Path.Combine(scenarios, "overload-slow-consumer.server.log"), Path.Combine(scenarios, "overload-slow-consumer.client.clef"), "--format", "json");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        AssertValid(run.Out, "server and client");
        Assert.That(JsonNode.Parse(run.Out)!["causes"]!.AsArray(), Is.Not.Empty);
    }

    [Test]
    public void The_report_line_of_jsonl()
    {
        var run = CliRun.Of("analyze", RepositoryPaths.Sample("go-panic.log"), "--format", "jsonl");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        var last = run.Out.TrimEnd().Split('\n')[^1];
        Assert.That(JsonNode.Parse(last)!["event"]!.GetValue<string>(), Is.EqualTo("report"));
        AssertValid(last, "jsonl report line");
    }

    [Test]
    public void Scan_json()
    {
        var dir = Directory.CreateTempSubdirectory("logtriage-contract-").FullName;
        try
        {
            File.Copy(RepositoryPaths.Sample("slow-consumer.log"), Path.Combine(dir, "nats.log"));
            var run = CliRun.Of("scan", dir, "--state", Path.Combine(dir, "scan.state"), "--format", "json");
            Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
            AssertValid(run.Out, "scan json");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void A_dropped_field_is_caught()
    {
        var run = CliRun.Of("analyze", RepositoryPaths.Sample("slow-consumer.log"), "--format", "json");
        var report = JsonNode.Parse(run.Out)!.AsObject();
        report["causes"]![0]!.AsObject().Remove("confidence");
        var result = Schema.Evaluate(System.Text.Json.JsonDocument.Parse(report.ToJsonString()).RootElement);
        Assert.That(result.IsValid, Is.False);
    }
}

/// <summary>Which inputs each cause was seen in: in a fleet, its servers and clients.</summary>
public class CauseInputsTests
{
    private static Dictionary<string, List<string>> InputsByCause(string json) =>
        JsonNode.Parse(json)!["causes"]!.AsArray().ToDictionary(
            c => c!["cause"]!.GetValue<string>(),
            c => c!["inputs"]!.AsArray().Select(i => i!.GetValue<string>()).ToList());

    [Test]
    public void Each_cause_names_the_inputs_it_was_seen_in_and_only_those()
    {
        var slow = RepositoryPaths.Sample("slow-consumer.log");
        var deadline = RepositoryPaths.Sample("slow-consumer-write-deadline.log");
        var auth = RepositoryPaths.Sample("auth-wrong-password.log");
        var run = CliRun.Of("analyze", slow, deadline, auth, "--format", "json");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        var inputs = InputsByCause(run.Out);
        Assert.That(inputs["overload"], Is.EqualTo(new[] { deadline, slow }.Order(StringComparer.Ordinal)));
        Assert.That(inputs["auth"], Is.EqualTo(new[] { auth }));
    }
}
