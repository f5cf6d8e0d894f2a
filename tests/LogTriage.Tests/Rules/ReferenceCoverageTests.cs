using LogTriage.Input;
using LogTriage.Tests.Support;

namespace LogTriage.Tests.Rules;

/// <summary>
/// Walks the diagnostically important messages of the NATS log reference (Rules/Fixtures/reference-messages.tsv)
/// and checks that each is recognised as its cause, or deliberately left alone with a reason.
/// </summary>
public class ReferenceCoverageTests
{
    private static IEnumerable<TestCaseData> Messages()
    {
        var path = Path.Combine(TestContext.CurrentContext.TestDirectory, "Rules", "Fixtures", "reference-messages.tsv");
        foreach (var line in File.ReadAllLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var parts = line.Split('\t');
            var (cause, reason, text) = parts[0] == "none" ? ("none", parts[1], parts[2]) : (parts[0], "", parts[1]);
            yield return new TestCaseData(cause, reason, text).SetName($"{cause}: {text[..Math.Min(text.Length, 110)]}");
        }
    }

    [TestCaseSource(nameof(Messages))]
    public void Reference_message(string cause, string reason, string line)
    {
        var result = ShippedRules.Analyzer.Analyze([InputSource.FromText("reference", line + "\n")]);
        var found = result.Causes.Concat(result.Context).Select(c => c.Cause).ToList();
        if (cause == "none")
        {
            Assert.That(reason, Is.Not.Empty, "a message left without a rule says why");
            Assert.That(result.Causes, Is.Empty, $"left without a rule because {reason}");
        }
        else
        {
            Assert.That(found, Is.Not.Empty, "no rule recognised it");
            Assert.That(found[0], Is.EqualTo(cause), string.Join(", ", result.Causes.Concat(result.Context).SelectMany(c => c.Rules)));
        }
    }
}
