using LogTriage.Input;
using LogTriage.Signals;
using LogTriage.Tests.Support;

namespace LogTriage.Tests.Signals;

public class UnrecognisedTests
{
    [TestCase("Readloop took 2.5s on 10.0.0.1:4222", "Readloop took <num> on <addr>")]
    [TestCase("JetStream stream \"ORDERS\" lost quorum", "JetStream stream <str> lost quorum")]
    [TestCase("peer NCXNYNJ6XZ3UQUCEFKNXJ4C3JNDKVWLVZWZ6CWNXYIIP25YRIP2SLWMI not responding", "peer <id> not responding")]
    [TestCase("pid 0x7f3a2b failed [::1]:6222", "pid <id> failed <addr>")]
    public void Masks_what_varies(string message, string template)
    {
        Assert.That(MessageTemplate.Of(message), Is.EqualTo(template));
    }

    [Test]
    public void Warnings_and_errors_no_rule_knows_are_grouped_by_template()
    {
        var log = string.Join('\n',
            Enumerable.Range(0, 5).Select(i => $"[7] 2026/11/25 10:00:0{i}.000001 [WRN] 10.0.0.{i}:5{i}00 - cid:{i} - Mystery backlog of {i * 100} items on \"queue.{i}\"")
            .Concat(Enumerable.Range(0, 3).Select(i => $"[7] 2026/11/25 10:01:0{i}.000001 [ERR] Frobnicator failed after {i + 1} attempts"))
            .Append("[7] 2026/11/25 10:02:00.000001 [INF] Informational lines are not listed")
            .Append("[7] 2026/11/25 10:02:01.000001 [ERR] 10.0.0.9:4000 - cid:9 - authentication error"));
        var result = ShippedRules.Analyzer.Analyze([InputSource.FromText("mystery.log", log)]);

        Assert.That(result.Unrecognised, Has.Count.EqualTo(2));
        var errors = result.Unrecognised[0];
        Assert.That(errors.Template, Is.EqualTo("Frobnicator failed after <num> attempts"));
        Assert.That(errors.Count, Is.EqualTo(3));
        Assert.That(errors.Example.Line, Is.EqualTo(6));
        var warnings = result.Unrecognised[1];
        Assert.That(warnings.Template, Is.EqualTo("Mystery backlog of <num> items on <str>"));
        Assert.That(warnings.Count, Is.EqualTo(5));
        Assert.That(warnings.FirstSeen, Is.LessThan(warnings.LastSeen!.Value));
        Assert.That(result.Causes.Single().Cause, Is.EqualTo("auth"), "recognised lines are not listed as unrecognised");
    }

    [Test]
    public void The_unrecognised_section_is_in_every_format()
    {
        var log = "[7] 2026/11/25 10:01:00.000001 [ERR] Frobnicator failed after 3 attempts\n";
        foreach (var format in new[] { "text", "json", "markdown" })
        {
            var run = CliRun.WithInput(log, "analyze", "-", "--format", format);
            Assert.That(run.Out, Does.Contain("Frobnicator failed after <num> attempts"), format);
        }
    }
}
