using System.Text.Json;
using LogTriage.Tests.Support;

namespace LogTriage.Tests.Samples;

/// <summary>
/// The real server's lifecycle scenarios (samples-logs/lifecycle, made by its generate.sh): what a
/// healthy server logs gives no cause at warning or above, so <c>--fail-on warning</c> exits 0; an
/// unclean stop or a failed start reports the outage.
/// </summary>
public class LifecycleScenarioTests
{
    private static readonly string Folder = Path.Combine(RepositoryPaths.Samples, "lifecycle");

    private static IEnumerable<TestCaseData> Scenarios() =>
        File.ReadAllLines(Path.Combine(Folder, "manifest.tsv")).Skip(1)
            .Where(l => l.Trim().Length > 0)
            .Select(l => l.Split('\t'))
            .Select(f => new TestCaseData(f[0], f[1], f[2]).SetName($"{f[0]} is {f[1]}"));

    [TestCaseSource(nameof(Scenarios))]
    public void Scenario(string file, string cause, string accepted)
    {
        var run = CliRun.Of("analyze", Path.Combine(Folder, file), "--format", "json", "--fail-on", "warning");
        var causes = JsonDocument.Parse(run.Out).RootElement.GetProperty("causes").EnumerateArray()
            .Select(c => c.GetProperty("cause").GetString()).ToList();
        if (cause == "healthy")
        {
            Assert.That(run.ExitCode, Is.EqualTo(0), string.Join(", ", causes));
            Assert.That(causes, Is.Empty);
        }
        else
        {
            Assert.That(run.ExitCode, Is.EqualTo(1), "an outage is at warning or above");
            Assert.That(causes.First(), Is.AnyOf([cause, .. accepted.Split(',').Where(a => a != "-")]));
        }
    }

    [Test]
    public void A_clean_restart_is_told_as_one_in_the_context()
    {
        var run = CliRun.Of("analyze", Path.Combine(Folder, "clean-restart.log"));
        Assert.That(run.Out, Does.Contain("No known cause"));
        Assert.That(run.Out, Does.Match(@"\n  - The server restarted cleanly: \d+ line\(s\), "));
    }

    [Test]
    public void A_killed_server_is_not_told_as_a_clean_restart()
    {
        var run = CliRun.Of("analyze", Path.Combine(Folder, "sigkill-restart.log"), "--details");
        Assert.That(run.Out, Does.Not.Contain("restarted cleanly"));
    }
}
