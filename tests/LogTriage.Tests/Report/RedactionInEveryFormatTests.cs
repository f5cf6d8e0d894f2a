using System.Text.RegularExpressions;
using LogTriage.Report;
using LogTriage.Report.Redaction;

namespace LogTriage.Tests.Report;

/// <summary>
/// The redactor as the report's text filter: Fixtures/secrets.log through the real pipeline and
/// every renderer. The secrets sit on lines the shipped rules take as evidence, which the
/// unredacted report proves first.
/// </summary>
public class RedactionInEveryFormatTests
{
    private static readonly string Log = ReportFixtures.Fixture("secrets.log");

    private static IEnumerable<TestCaseData> Renderers() =>
        ReportFixtures.AllRenderers.Select(r => new TestCaseData(r).SetName($"No secret in the {r.Format} report"));

    [Test]
    public void The_secrets_are_evidence_when_nothing_is_redacted()
    {
        var json = ReportFixtures.Render(new JsonReportRenderer(), ReportFixtures.Build([Log], new ReportRedactor(RedactionOptions.None).Redact));

        foreach (var secret in Secrets.OnEvidenceLines)
            Assert.That(json, Does.Contain(secret), "the fixture must put this secret on an evidence line");
    }

    [TestCaseSource(nameof(Renderers))]
    public void No_secret_appears(IReportRenderer renderer)
    {
        var report = ReportFixtures.Build([Log], new ReportRedactor(RedactionOptions.Default).Redact);

        var output = ReportFixtures.Render(renderer, report);

        foreach (var secret in Secrets.All)
            Assert.That(output, Does.Not.Contain(secret), renderer.Format);
        Assert.That(output, Does.Contain("REDACTED"), renderer.Format);
    }

    [TestCaseSource(nameof(Renderers))]
    public void Addresses_are_masked_the_same_way_in_every_line(IReportRenderer renderer)
    {
        var report = ReportFixtures.Build([Log], new ReportRedactor(new RedactionOptions(MaskAddresses: true)).Redact);

        var output = ReportFixtures.Render(renderer, report);

        Assert.That(output, Does.Not.Contain("10.1.2.").And.Not.Contain("2001:db8"), renderer.Format);
        foreach (var secret in Secrets.All)
            Assert.That(output, Does.Not.Contain(secret), renderer.Format);
    }

    [Test]
    public void One_address_gets_one_mask_across_the_report()
    {
        var report = ReportFixtures.Build([Log], new ReportRedactor(new RedactionOptions(MaskAddresses: true)).Redact);
        var evidence = report.Causes.Concat(report.Context).SelectMany(c => c.Evidence).ToList();

        // Lines 9 and 22 (two connections), and 24 (a URL and a dial) all name 10.1.2.3 in the log.
        string Text(long line) => evidence.First(e => e.Line == line).Text;
        var mask = Regex.Match(Text(9), @"\[ERR\] (ip-\d+):35086").Groups[1].Value;
        Assert.That(mask, Is.Not.Empty);
        Assert.That(Text(22), Does.Contain($"{mask}:35102 - cid:8"));
        Assert.That(Text(24), Does.Contain($"bob:[REDACTED]@{mask}:7422").And.Contain($"dial tcp {mask}:7422"));
        Assert.That(Text(13), Does.Not.Contain($"{mask}:"), "another address, another mask");
        var connections = report.Causes.SelectMany(c => c.Connections).ToList();
        Assert.That(connections, Has.Some.Contains($"{mask}:35086"), "connections are masked with the same numbering");
    }
}
