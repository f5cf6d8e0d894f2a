using LogTriage.Tests.Support;

namespace LogTriage.Tests.Report;

/// <summary>What a ticket needs beside the diagnosis: the first fix up front, and which tool, rule set and command made the report.</summary>
public class TicketProvenanceTests
{
    private static string Sample => RepositoryPaths.Sample("max-payload-exceeded.log");

    [Test]
    public void Markdown_names_the_first_fix_the_rule_set_and_the_command()
    {
        var run = CliRun.Of("analyze", Sample, "--format", "markdown");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Out, Does.Contain("**First thing to do:** Check the real max_payload"));
        Assert.That(run.Out, Does.Match(@"rule set `[0-9a-f]{12}`"));
        Assert.That(run.Out, Does.Contain("- Command: `logtriage analyze ").And.Contain("--format markdown`"));
        Assert.That(run.Out, Does.Contain("all times are UTC"));
        // Each input with its size and the span of log time it covers.
        Assert.That(run.Out, Does.Match(@"\| [^|]*max-payload-exceeded\.log \| nats-server \| 14 \| \d+ \| 0 \| 2026-11-26T19:46:10\.\d+Z \| 2026-11-26T19:46:10\.\d+Z \|"));
    }

    [Test]
    public void Html_headline_carries_the_first_fix_and_the_provenance()
    {
        var run = CliRun.Of("analyze", Sample, "--format", "html");
        Assert.That(run.Out, Does.Contain("""<p class="first-step">First thing to do: Check the real max_payload"""));
        Assert.That(run.Out, Does.Match(@"<dt>Made by</dt><dd>logtriage [^<]+, rule set [0-9a-f]{12}; times in UTC</dd>"));
    }

    [Test]
    public void The_rule_set_hash_changes_with_the_rules_and_secrets_leave_the_command_line()
    {
        var dir = Directory.CreateTempSubdirectory("logtriage-hash-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "off.yaml"), "rules:\n  - id: server.unreachable.server-start\n    disabled: true\n");
            string Hash(string text) => System.Text.RegularExpressions.Regex.Match(text, "rule set `([0-9a-f]{12})`").Groups[1].Value;
            var shipped = Hash(CliRun.Of("analyze", Sample, "--format", "markdown").Out);
            var secretName = Path.Combine(dir, "token=hunter2.log");
            File.Copy(Sample, secretName);
            var withMine = CliRun.Of("analyze", secretName, "--format", "markdown").Out;
            Assert.That(withMine, Does.Contain("- Command: `logtriage analyze ").And.Contain("token=[REDACTED]"));
            Assert.That(Hash(CliRun.Of("analyze", Sample, "--format", "markdown", "--rules", dir).Out), Is.Not.EqualTo(shipped).And.Not.Empty);
            Assert.That(withMine.Split('\n').Single(l => l.StartsWith("- Command:")), Does.Not.Contain("hunter2"));
            Assert.That(withMine, Does.Contain("are removed: 1 in this report."));
            Assert.That(CliRun.Of("analyze", Sample, "--format", "markdown").Out, Does.Contain("are removed: 0 in this report."));
            Assert.That(CliRun.Of("analyze", Sample, "--format", "markdown", "--no-redact").Out, Does.Contain("Secrets were NOT removed"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
