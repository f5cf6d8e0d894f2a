using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;
using LogTriage.Tests.Support;

namespace LogTriage.Tests.Cli;

/// <summary>
/// The README is what a new user copies from, so every command it shows is run here as written,
/// in bash, against a sandbox that stands in for the paths it names (/var/log/nats/ holds samples,
/// kubectl and docker print a sample, the probe's URL is a real server's monitoring port), and the
/// outputs it shows are compared with what the tool prints today.
/// </summary>
[NonParallelizable]
public class ReadmeCommandTests
{
    // Commands the README shows that this test does not run, and where they are covered instead.
    private static readonly Dictionary<string, string> CoveredElsewhere = new()
    {
        ["dotnet run --project src/LogTriage.Cli -c Release -- analyze samples-logs/slow-consumer.log"] = "the quick start; the same analysis runs in SampleLogTests",
        ["tests/run.sh"] = "the command that runs this very test",
        ["dotnet pack src/LogTriage.Cli -c Release -o artifacts"] = "PackagedToolTests",
        ["dotnet tool install --global --add-source artifacts LogTriage.Tool"] = "PackagedToolTests (installed into a tool path, not globally)",
        ["dotnet publish src/LogTriage.Cli -c Release -r linux-x64 -p:PublishAot=true -o /opt/logtriage"] = "NativeBuildTests (published into a temporary folder)",
        ["ln -s /opt/logtriage/LogTriage.Cli /usr/local/bin/logtriage"] = "NativeBuildTests (run through a link, from another folder)",
    };

    private static string Readme => File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));

    private string _sandbox = "";
    private NatsServerProcess? _server;
    private int _monitorPort;

    [OneTimeSetUp]
    public void BuildSandbox()
    {
        _sandbox = Directory.CreateTempSubdirectory("logtriage-readme-").FullName;
        var logs = Directory.CreateDirectory(Path.Combine(_sandbox, "var/log/nats")).FullName;
        File.Copy(RepositoryPaths.Sample("auth-wrong-password.log"), Path.Combine(logs, "nats.log"));
        File.Copy(RepositoryPaths.Sample("slow-consumer.log"), Path.Combine(logs, "nats-server.log"));
        Directory.CreateDirectory(Path.Combine(_sandbox, "var/lib/logtriage"));
        Directory.CreateDirectory(Path.Combine(_sandbox, "var/lib/node_exporter/textfile"));
        Directory.CreateDirectory(Path.Combine(_sandbox, "var/reports"));

        File.Copy(RepositoryPaths.Sample("max-payload-exceeded.log"), Path.Combine(_sandbox, "nats-server.log"));
        File.Copy(RepositoryPaths.Sample("go-panic.log"), Path.Combine(_sandbox, "x.log"));
        File.Copy(RepositoryPaths.Sample("clients/auth-wrong-password.go.log"), Path.Combine(_sandbox, "app.log"));
        using (var gz = new GZipStream(File.Create(Path.Combine(_sandbox, "old.log.gz")), CompressionLevel.Fastest))
        using (var source = File.OpenRead(RepositoryPaths.Sample("server-shutdown.log")))
            source.CopyTo(gz);
        var artifacts = Directory.CreateDirectory(Path.Combine(_sandbox, "artifacts/run-1/server")).FullName;
        File.Copy(RepositoryPaths.Sample("connection-reset.log"), Path.Combine(artifacts, "nats-a.log"));
        var myRules = Directory.CreateDirectory(Path.Combine(_sandbox, "my-rules")).FullName;
        File.WriteAllText(Path.Combine(myRules, "mine.yaml"), Blocks("yaml").Single());

        var bin = Directory.CreateDirectory(Path.Combine(_sandbox, "bin")).FullName;
        var cli = Path.Combine(AppContext.BaseDirectory, "LogTriage.Cli.dll");
        Shim(bin, "logtriage", $"exec dotnet '{cli}' \"$@\"");
        Shim(bin, "kubectl", $"cat '{Path.Combine(logs, "nats.log")}'");
        Shim(bin, "docker", $"cat '{Path.Combine(logs, "nats-server.log")}'");

        _monitorPort = MonitoringPort();
        var store = Directory.CreateDirectory(Path.Combine(_sandbox, "jetstream")).FullName;
        _server = NatsServerProcess.Start($"jetstream {{ store_dir: \"{store}\" }}", true, "-m", _monitorPort.ToString());
    }

    [OneTimeTearDown]
    public void RemoveSandbox()
    {
        _server?.Dispose();
        Directory.Delete(_sandbox, recursive: true);
    }

    private static void Shim(string bin, string name, string body)
    {
        var path = Path.Combine(bin, name);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private static int MonitoringPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The fenced blocks of one language, in order.</summary>
    private static List<string> Blocks(string language) =>
        Regex.Matches(Readme, $@"^```{language}\n(.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)
            .Select(m => m.Groups[1].Value).ToList();

    /// <summary>Every command in the README's shell blocks: continuations joined, prompts and comments dropped.</summary>
    public static IEnumerable<string> Commands()
    {
        foreach (var block in Blocks("sh"))
        {
            var joined = block.Replace("\\\n", " ");
            // A block with prompts shows output too: only its prompted lines are commands.
            var prompted = joined.Split('\n').Any(l => l.StartsWith("$ ", StringComparison.Ordinal));
            foreach (var raw in joined.Split('\n'))
            {
                if (prompted && !raw.StartsWith("$ ", StringComparison.Ordinal))
                    continue;
                var line = Regex.Replace(prompted ? raw[2..] : raw, @"\s+#.*$", "").Trim();
                if (line.Length > 0 && !line.StartsWith('#'))
                    yield return Regex.Replace(line, @"\s+", " ");
            }
        }
    }

    public static IEnumerable<TestCaseData> RunnableCommands() =>
        Commands().Where(c => !CoveredElsewhere.ContainsKey(c)).Select(c => new TestCaseData(c).SetName($"README: {c}"));

    private string InSandbox(string path) =>
        Path.Combine(_sandbox, path.Replace("$(date +%F)", DateTime.Now.ToString("yyyy-MM-dd")).Replace("/var/", "var/"));

    private (int ExitCode, string Out, string Error) RunInSandbox(string command)
    {
        // Each command is run as a first-time user would: a report it writes without --force or
        // --append is not there yet.
        var written = Regex.Match(command, @"--out (\S+)");
        if (written.Success && !command.Contains("--force") && !command.Contains("--append"))
            File.Delete(InSandbox(written.Groups[1].Value));
        var runnable = command
            .Replace("/var/", _sandbox + "/var/")
            .Replace("http://127.0.0.1:8222", $"http://127.0.0.1:{_monitorPort}")
            .Replace("@nats:8222", $"@127.0.0.1:{_monitorPort}")
            .Replace("http://nats:8222", $"http://127.0.0.1:{_monitorPort}")
            .Replace("nats://nats:4222", _server!.Url)
            .Replace("rules explain ID", "rules explain server.auth.authentication-error")
            .Replace(" [DIR]", "");
        // A followed file never ends: the user stops it, here after a few seconds.
        if (runnable.Contains("--follow"))
            runnable = "timeout -s INT 4 " + runnable;
        var start = new ProcessStartInfo("bash", ["-c", runnable])
        {
            WorkingDirectory = _sandbox,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["PATH"] = Path.Combine(_sandbox, "bin") + ":" + Environment.GetEnvironmentVariable("PATH");
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"`{command}` did not finish in a minute");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    [Test]
    public void The_README_shows_commands_and_each_one_is_run_here_or_covered_by_a_named_test()
    {
        var commands = Commands().ToList();
        Assert.That(commands.Count(c => c.StartsWith("logtriage ", StringComparison.Ordinal) || c.Contains("| logtriage")), Is.GreaterThanOrEqualTo(15));
        Assert.That(CoveredElsewhere.Keys, Is.SubsetOf(commands), "a command listed as covered elsewhere is no longer in the README");
    }

    [TestCaseSource(nameof(RunnableCommands))]
    public void Each_command_runs_as_written(string command)
    {
        var (code, stdout, stderr) = RunInSandbox(command);
        var check = command.StartsWith("logtriage check", StringComparison.Ordinal);
        var followed = command.Contains("--follow");
        // timeout(1) exits 124 when it had to stop the followed file.
        var allowed = check ? new[] { 0, 1, 2 } : command.Contains("--fail-on") ? new[] { 0, 1 } : followed ? new[] { 124 } : new[] { 0 };
        Assert.That(allowed, Does.Contain(code), $"exit {code}\n{stderr}\n{stdout}");
        Assert.That(stderr, Does.Not.Contain("Unhandled").And.Not.Contain("   at "), stderr);
        if (followed)
            Assert.That(stdout, Does.Contain("\"event\":\"cause\""), "a followed file's cause is printed live");
        var written = Regex.Match(command.Replace("$(date +%F)", "$DATE"), @"--out (\S+)");
        if (written.Success)
        {
            var path = InSandbox(written.Groups[1].Value.Replace("$DATE", "$(date +%F)"));
            Assert.That(new FileInfo(path).Length, Is.GreaterThan(0), $"{path} was not written");
        }
        else if (command.StartsWith("logtriage worker", StringComparison.Ordinal))
        {
            Assert.That(stderr, Does.Match(@"^logtriage: worker handled [1-9]\d* batches"));
        }
        else if (command.Contains("logtriage ship"))
        {
            Assert.That(stderr, Does.Match(@"^logtriage: shipped [1-9]\d* lines in [1-9]\d* batches to LOGS"));
        }
        else
        {
            Assert.That(stdout, Is.Not.Empty, stderr);
        }
    }

    [Test]
    public void The_check_line_shown_is_what_check_prints()
    {
        var shown = Readme.Split('\n').Single(l => l.StartsWith("LOGTRIAGE ", StringComparison.Ordinal));
        var (_, stdout, _) = RunInSandbox("logtriage check /var/log/nats/nats.log");
        Assert.That(stdout.TrimEnd(), Is.EqualTo(shown));
    }

    [Test]
    public void The_terminal_report_shown_is_what_analyze_prints()
    {
        var shown = Blocks("text").Single(b => b.StartsWith("Likely causes", StringComparison.Ordinal)).TrimEnd();
        var run = CliRun.Of("analyze", RepositoryPaths.Sample("max-payload-exceeded.log"));
        var printed = run.Out.Replace(RepositoryPaths.Root + "/", "").TrimEnd();
        Assert.That(printed, Is.EqualTo(shown));
    }

    [Test]
    public void The_csv_header_shown_is_the_one_written()
    {
        var shown = Blocks("csv").Single().Split('\n')[0];
        var run = CliRun.Of("analyze", RepositoryPaths.Sample("max-payload-exceeded.log"), "--format", "csv");
        Assert.That(run.Out.Split('\n')[0].TrimEnd('\r'), Is.EqualTo(shown));
    }

    [Test]
    public void The_json_shown_uses_only_fields_the_report_has()
    {
        var shown = Blocks("json").Single();
        var run = CliRun.Of("analyze", RepositoryPaths.Sample("auth-wrong-password.log"), "--format", "json");
        using var report = JsonDocument.Parse(run.Out);
        var fields = new HashSet<string>();
        Collect(report.RootElement, fields);
        var named = Regex.Matches(shown, @"""(\w+)"":").Select(m => m.Groups[1].Value).ToHashSet();
        Assert.That(named, Is.SubsetOf(fields));
        var input = report.RootElement.GetProperty("inputs")[0];
        Assert.That(shown, Does.Contain($"\"lines\": {input.GetProperty("lines").GetInt64()}, \"bytes\": {input.GetProperty("bytes").GetInt64()}"));
    }

    private static void Collect(JsonElement element, HashSet<string> fields)
    {
        if (element.ValueKind == JsonValueKind.Object)
            foreach (var property in element.EnumerateObject())
            {
                fields.Add(property.Name);
                Collect(property.Value, fields);
            }
        else if (element.ValueKind == JsonValueKind.Array)
            foreach (var item in element.EnumerateArray())
                Collect(item, fields);
    }
}
