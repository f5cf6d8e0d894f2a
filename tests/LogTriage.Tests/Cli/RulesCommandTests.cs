using LogTriage.Tests.Support;

namespace LogTriage.Tests.Cli;

public class RulesCommandTests
{
    [Test]
    public void Validate_accepts_the_shipped_rules()
    {
        var run = CliRun.Of("rules", "validate");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Out, Does.Contain("are valid"));
    }

    [Test]
    public void List_names_every_rule()
    {
        var run = CliRun.Of("rules", "list");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        foreach (var rule in ShippedRules.Rules.Rules)
            Assert.That(run.Out, Does.Contain(rule.Id));
    }

    [Test]
    public void Test_fails_with_a_readable_diff_on_a_wrong_example()
    {
        var dir = Directory.CreateTempSubdirectory("logtriage-rules-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "mine.yaml"), """
                rules:
                  - id: mine.wrong-example
                    cause: auth
                    severity: error
                    when: { level: [ERR], message: { contains: "authentication error" } }
                    examples:
                      match: ['[7] 2026/11/25 04:45:29.587234 [INF] Server is ready']
                      no-match: ['[7] 2026/11/25 04:45:29.587221 [INF] 127.0.0.1:35086 - cid:4 - Client connection created']
                """);
            var run = CliRun.Of("rules", "test", dir);
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.Out, Does.Contain("FAIL mine.wrong-example").And.Contain("expected: the rule matches").And.Contain("actual:   it did not match"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
