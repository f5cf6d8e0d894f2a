using System.Text.Json;
using LogTriage.Tests.Support;

namespace LogTriage.Tests.Cli;

/// <summary>The tool as users get it: packed without warnings, installed with dotnet tool install, run from elsewhere.</summary>
[Category("Integration")]
public class PackagedToolTests
{
    private static (int Code, string Output) Run(string file, string[] arguments, string workingDirectory)
    {
        var run = ProcessRun.Of(file, arguments, workingDirectory, TimeSpan.FromMinutes(5));
        return (run.ExitCode, run.Output);
    }

    [Test]
    public void Packs_without_warnings_installs_and_analyses_with_its_shipped_rules()
    {
        var work = Directory.CreateTempSubdirectory("logtriage-tool-").FullName;
        try
        {
            var project = Path.Combine(RepositoryPaths.Root, "src", "LogTriage.Cli", "LogTriage.Cli.csproj");
            var packages = Path.Combine(work, "packages");
            var (packCode, packOutput) = Run("dotnet", ["pack", project, "-c", "Release", "--no-build", "--nologo", "-o", packages], work);
            Assert.That(packCode, Is.EqualTo(0), packOutput);
            Assert.That(packOutput, Does.Not.Contain("warning"), packOutput);

            var tools = Path.Combine(work, "tools");
            var (installCode, installOutput) = Run("dotnet", ["tool", "install", "LogTriage.Tool", "--add-source", packages, "--tool-path", tools], work);
            Assert.That(installCode, Is.EqualTo(0), installOutput);

            // Run from a folder with no rules in sight: the installed tool must bring its own.
            var (code, report) = Run(Path.Combine(tools, "logtriage"), ["analyze", RepositoryPaths.Sample("auth-wrong-password.log"), "--format", "json", "--quiet"], work);
            Assert.That(code, Is.EqualTo(0), report);
            Assert.That(JsonDocument.Parse(report).RootElement.GetProperty("causes")[0].GetProperty("cause").GetString(), Is.EqualTo("auth"));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
