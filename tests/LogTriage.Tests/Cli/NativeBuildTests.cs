using System.Text.Json;
using System.Text.Json.Nodes;
using LogTriage.Tests.Support;

namespace LogTriage.Tests.Cli;

/// <summary>
/// The native build as the README publishes it (<c>-p:PublishAot=true</c>): it must say what the
/// .NET build says. Published once for the fixture; needs clang, which tests/run.sh installs.
/// </summary>
[Category("Integration")]
[NonParallelizable]
public class NativeBuildTests
{
    private string _work = "";
    private string _native = "";

    [OneTimeSetUp]
    public void Publish()
    {
        // Like nats-server: a missing toolchain fails the tests, it never skips them.
        if (!OnPath("clang"))
            Assert.Fail("clang is not installed: run tests/run.sh (it installs clang and zlib1g-dev) or apt-get install -y clang zlib1g-dev");
        _work = Directory.CreateTempSubdirectory("logtriage-native-").FullName;
        var project = Path.Combine(RepositoryPaths.Root, "src", "LogTriage.Cli", "LogTriage.Cli.csproj");
        var output = Path.Combine(_work, "opt");
        var (code, log) = Run("dotnet", ["publish", project, "-c", "Release", "-r", "linux-x64", "-p:PublishAot=true", "-o", output, "--nologo"], _work, TimeSpan.FromMinutes(8));
        Assert.That(code, Is.EqualTo(0), log);
        _native = Path.Combine(output, "LogTriage.Cli");
    }

    [OneTimeTearDown]
    public void Remove()
    {
        if (_work.Length > 0)
            Directory.Delete(_work, recursive: true);
    }

    private static IEnumerable<string> Samples() =>
        Directory.GetFiles(RepositoryPaths.Samples, "*.log").Concat(Directory.GetFiles(RepositoryPaths.Sample("clients"), "*.log"))
            .Concat(Directory.GetFiles(RepositoryPaths.Sample("scenarios"))).Order(StringComparer.Ordinal);

    [Test]
    public void Every_sample_gets_the_report_the_NET_build_gives()
    {
        var framework = Path.Combine(AppContext.BaseDirectory, "LogTriage.Cli.dll");
        var compared = 0;
        foreach (var sample in Samples())
        {
            var (nativeCode, native) = Run(_native, ["analyze", sample, "--format", "json", "--quiet"], _work);
            var (dotnetCode, dotnet) = Run("dotnet", [framework, "analyze", sample, "--format", "json", "--quiet"], _work);
            Assert.That(nativeCode, Is.EqualTo(dotnetCode), sample);
            Assert.That(Comparable(native), Is.EqualTo(Comparable(dotnet)), sample);
            compared++;
        }
        Assert.That(compared, Is.GreaterThan(50));
    }

    [Test]
    public void Every_rule_example_passes()
    {
        var (code, output) = Run(_native, ["rules", "test"], _work);
        Assert.That(code, Is.EqualTo(0), output);
        Assert.That(output, Does.Match(@"(\d+) of \1 examples passed"));
    }

    [Test]
    public void A_scan_saves_its_state_and_resumes_from_it()
    {
        var logs = Directory.CreateDirectory(Path.Combine(_work, "logs")).FullName;
        File.Copy(RepositoryPaths.Sample("slow-consumer.log"), Path.Combine(logs, "nats.log"), overwrite: true);
        var state = Path.Combine(_work, "state", "nats.state");

        var (first, firstOutput) = Run(_native, ["scan", logs, "--state", state, "--format", "json", "--quiet"], _work);
        Assert.That(first, Is.EqualTo(0), firstOutput);
        Assert.That(JsonNode.Parse(File.ReadAllText(state))!["Files"]!.AsArray(), Has.Count.EqualTo(1));
        Assert.That(CauseIds(firstOutput), Does.Contain("overload"));

        var (second, secondOutput) = Run(_native, ["scan", logs, "--state", state, "--format", "json", "--quiet"], _work);
        Assert.That(second, Is.EqualTo(0), secondOutput);
        Assert.That(CauseIds(secondOutput), Is.Empty, "nothing new was written since the first scan");
    }

    [Test]
    public void Runs_through_a_symbolic_link_with_its_own_rules()
    {
        var link = Path.Combine(_work, "logtriage");
        if (!File.Exists(link))
            File.CreateSymbolicLink(link, _native);
        var elsewhere = Directory.CreateTempSubdirectory("logtriage-elsewhere-").FullName;
        try
        {
            var (code, report) = Run(link, ["analyze", RepositoryPaths.Sample("auth-wrong-password.log"), "--format", "json", "--quiet"], elsewhere);
            Assert.That(code, Is.EqualTo(0), report);
            Assert.That(CauseIds(report).First(), Is.EqualTo("auth"));
        }
        finally
        {
            Directory.Delete(elsewhere, recursive: true);
        }
    }

    private static List<string> CauseIds(string report) =>
        JsonNode.Parse(report)!["causes"]!.AsArray().Select(c => c!["cause"]!.GetValue<string>()).ToList();

    /// <summary>The report without what differs between any two runs: when it was made, and the engine's timing.</summary>
    private static string Comparable(string report)
    {
        var json = JsonNode.Parse(report)!.AsObject();
        json.Remove("generatedAt");
        json.Remove("engine");
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static bool OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => dir.Length > 0 && File.Exists(Path.Combine(dir, name)));

    /// <summary>Exit code and standard output; the standard error is added only when the process failed.</summary>
    private static (int Code, string Output) Run(string file, IEnumerable<string> arguments, string workingDirectory, TimeSpan? limit = null)
    {
        var run = ProcessRun.Of(file, arguments, workingDirectory, limit);
        return (run.ExitCode, run.ExitCode is 0 or 1 ? run.Out : run.Output);
    }
}
