using LogTriage.Input;
using LogTriage.Tests.Support;

namespace LogTriage.Tests.Rules;

/// <summary>
/// Walks the texts of every official client (Rules/Fixtures/client-messages.tsv) and checks that
/// each, on its own, is recognised as its cause first.
/// </summary>
public class ClientMessageCoverageTests
{
    private static IEnumerable<TestCaseData> Messages()
    {
        var path = Path.Combine(TestContext.CurrentContext.TestDirectory, "Rules", "Fixtures", "client-messages.tsv");
        foreach (var line in File.ReadAllLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var parts = line.Split('\t', 3);
            yield return new TestCaseData(parts[1], parts[2]).SetName($"{parts[0]} {parts[1]}: {parts[2][..Math.Min(parts[2].Length, 100)]}");
        }
    }

    [TestCaseSource(nameof(Messages))]
    public void Client_message(string cause, string line)
    {
        var result = ShippedRules.Analyzer.Analyze([InputSource.FromText("client", line + "\n")]);
        var found = result.Causes.Concat(result.Context).ToList();
        Assert.That(found, Is.Not.Empty, "no rule recognised it");
        Assert.That(found[0].Cause, Is.EqualTo(cause), string.Join(", ", found.SelectMany(c => c.Rules)));
    }
}
