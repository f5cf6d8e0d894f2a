using System.Xml;
using System.Xml.Linq;
using LogTriage.Report;
using LogTriage.Tests.Support;

namespace LogTriage.Tests.Report;

public class HtmlReportRendererTests
{
    private static readonly HtmlReportRenderer Renderer = new();

    private static IEnumerable<TestCaseData> Samples() =>
        ReportFixtures.SampleLogs().Select(p => new TestCaseData(p).SetName($"HTML of {Path.GetFileName(p)}"));

    /// <summary>The page is written XHTML-compatible, so an XML parser must accept it.</summary>
    private static XDocument Parse(string html)
    {
        using var reader = XmlReader.Create(new StringReader(html), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        return XDocument.Load(reader);
    }

    [TestCaseSource(nameof(Samples))]
    public void Is_well_formed_and_has_a_section_per_cause(string sample)
    {
        var report = ReportFixtures.Build(sample);
        var html = ReportFixtures.Render(Renderer, report);

        Assert.That(html, Does.StartWith("<!DOCTYPE html>"));
        var document = Parse(html);
        Assert.That(document.Root!.Name.LocalName, Is.EqualTo("html"));
        var sections = document.Descendants("section").Where(s => (string?)s.Attribute("class") == "cause").ToList();
        Assert.That(sections.Select(s => (string?)s.Attribute("id")), Is.EqualTo(report.Causes.Select(c => "cause-" + c.Cause)));
        foreach (var cause in report.Causes)
        {
            Assert.That(html, Does.Contain($"<code>{cause.Cause}</code>"));
            var section = sections.Single(s => (string?)s.Attribute("id") == "cause-" + cause.Cause);
            Assert.That(section.Descendants("pre").Count(), Is.EqualTo(cause.Evidence.Count), cause.Cause);
            Assert.That(section.Descendants("ol").Single().Elements("li").Count(), Is.EqualTo(cause.Fix.Count), cause.Cause);
        }
    }

    [TestCaseSource(nameof(Samples))]
    public void References_nothing_outside_the_page(string sample)
    {
        var html = ReportFixtures.Render(Renderer, ReportFixtures.Build(sample));
        var document = Parse(html);

        var forbidden = new[] { "script", "link", "img", "iframe", "object", "embed", "image", "use", "base", "form", "audio", "video", "source" };
        Assert.That(document.Descendants().Select(e => e.Name.LocalName).Intersect(forbidden), Is.Empty);
        var references = document.Descendants().Attributes()
            .Where(a => a.Name.LocalName is "src" or "href" or "srcset" or "action" or "data" or "poster")
            .Select(a => a.Value)
            .ToList();
        Assert.That(references, Has.All.StartWith("#"));
        var style = string.Concat(document.Descendants("style").Select(s => s.Value));
        Assert.That(style, Does.Not.Contain("url(").And.Not.Contain("@import"));
        Assert.That(document.Descendants().Attributes().Where(a => a.Name.LocalName.StartsWith("on", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public void Text_from_the_logs_is_escaped()
    {
        var report = ReportFixtures.Build(ReportFixtures.Fixture("markup.log"));
        Assert.That(report.Causes.SelectMany(c => c.Evidence).Select(e => e.Text), Has.Some.Contains("<script>alert(1)</script>"),
            "the fixture's markup must be evidence, or this test proves nothing");

        var html = ReportFixtures.Render(Renderer, report);

        Assert.That(html, Does.Not.Contain("<script"));
        Assert.That(html, Does.Not.Contain("<img"));
        Assert.That(html, Does.Contain("&lt;script&gt;alert(1)&lt;/script&gt;&amp;amp;"));
        Assert.That(html, Does.Contain("&lt;img src=x onerror=alert(2)&gt;"));
        var document = Parse(html);
        Assert.That(document.Descendants().Where(e => e.Name.LocalName is "script" or "img"), Is.Empty);
        Assert.That(document.Descendants("pre").Select(p => p.Value), Has.Some.Contains("<script>alert(1)</script>&amp;"),
            "escaped, the text reads as it was in the log");
    }

    [Test]
    public void Lists_what_no_rule_recognised_escaped()
    {
        var report = ReportFixtures.Build(ReportFixtures.Fixture("markup.log"));
        Assert.That(report.Unrecognised, Is.Not.Empty);

        var document = Parse(ReportFixtures.Render(Renderer, report));

        var section = document.Descendants("section").Single(s => (string?)s.Attribute("id") == "unrecognised");
        Assert.That(section.Descendants("pre").Select(p => p.Value), Is.EqualTo(report.Unrecognised.Select(u => u.Template)));
        Assert.That(section.Descendants().Where(e => e.Name.LocalName == "backlog"), Is.Empty);
    }

    [Test]
    public void Each_cause_with_times_has_a_timeline_with_a_mark_per_evidence_line()
    {
        var report = ReportFixtures.Build(RepositoryPaths.Sample("go-panic.log"), RepositoryPaths.Sample("auth-wrong-password.log"));
        Assert.That(report.Causes, Has.Count.GreaterThan(1));
        var document = Parse(ReportFixtures.Render(Renderer, report));

        foreach (var cause in report.Causes)
        {
            var section = document.Descendants("section").Single(s => (string?)s.Attribute("id") == "cause-" + cause.Cause);
            var svg = section.Descendants("svg").Single();
            var marks = svg.Elements("line").Where(l => (string?)l.Attribute("class") == "mark").ToList();
            Assert.That(marks, Has.Count.EqualTo(cause.Evidence.Count(e => e.Time is not null)), cause.Cause);
            Assert.That(marks.Select(m => double.Parse((string)m.Attribute("x1")!, System.Globalization.CultureInfo.InvariantCulture)),
                Has.All.InRange(0, 640), cause.Cause);
            var labels = svg.Elements("text").Select(t => t.Value).ToList();
            Assert.That(labels.First(), Does.StartWith("2026-11-26 19:44:36"), "the axis starts where the report's time span starts");
            Assert.That(labels.Last(), Does.StartWith("2026-11-26 19:45:05"), "and ends where it ends");
        }
    }

    [Test]
    public void A_cause_without_times_has_no_timeline()
    {
        var report = ReportFixtures.Build(ReportFixtures.Fixture("no-times.log"));
        Assert.That(report.Causes.Select(c => c.Cause), Does.Contain("auth"));
        Assert.That(report.Causes.SelectMany(c => c.Evidence).Select(e => e.Time), Has.All.Null);

        var html = ReportFixtures.Render(Renderer, report);

        Assert.That(Parse(html).Descendants("svg"), Is.Empty);
        Assert.That(html, Does.Contain("No time stamps on this cause"));
    }

    [Test]
    public void The_summary_names_the_top_cause_and_the_inputs()
    {
        var report = ReportFixtures.Build(RepositoryPaths.Sample("go-panic.log"));
        var document = Parse(ReportFixtures.Render(Renderer, report));

        var summary = document.Descendants("section").Single(s => (string?)s.Attribute("id") == "summary");
        var verdict = summary.Descendants("p").First(p => ((string?)p.Attribute("class"))?.StartsWith("verdict", StringComparison.Ordinal) == true);
        Assert.That(verdict.Value, Does.Contain(report.Causes[0].Title).And.Contain(report.Causes[0].Summary));
        Assert.That(summary.Value, Does.Contain("go-panic.log").And.Contain("nats-server"));
        var unreachable = document.Descendants("section").Single(s => (string?)s.Attribute("id") == "cause-unreachable");
        Assert.That(unreachable.Value, Does.Contain("Probably a consequence of"));
        Assert.That(unreachable.Descendants("a").Select(a => (string?)a.Attribute("href")), Does.Contain("#cause-server-bug"));
    }

    [Test]
    public void A_report_without_causes_says_so()
    {
        var report = ReportFixtures.Build(RepositoryPaths.Sample("healthy.log"));
        Assert.That(report.Causes, Is.Empty);

        var html = ReportFixtures.Render(Renderer, report);

        Assert.That(html, Does.Contain("No known cause of client disconnects was found"));
        Assert.That(Parse(html).Descendants("section").Where(s => (string?)s.Attribute("class") == "cause"), Is.Empty);
    }
}
