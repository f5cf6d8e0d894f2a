using CsvHelper;
using LogTriage.Report;
using LogTriage.Tests.Support;

namespace LogTriage.Tests.Report;

public class CsvReportRendererTests
{
    private static readonly string[] ExpectedColumns =
    [
        "scan_time", "input", "rank", "cause", "severity", "confidence", "count", "count_scope",
        "first_seen", "last_seen", "top_rule", "example_line", "example_text",
    ];

    private static List<Dictionary<string, string>> Parse(string csv, bool hasHeader = true)
    {
        using var reader = CsvReader.Create(new StringReader(csv), CsvReaderOptions.Default with { HasHeader = hasHeader, Separator = ',' });
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            var fields = reader.Current.ToArray();
            rows.Add(ExpectedColumns.Select((name, i) => (name, value: fields[i])).ToDictionary(x => x.name, x => x.value));
        }
        return rows;
    }

    private static string[] Header(string csv)
    {
        using var reader = CsvReader.Create(new StringReader(csv), CsvReaderOptions.Default with { Separator = ',' });
        return reader.Headers.ToArray();
    }

    [Test]
    public void Has_a_stable_header()
    {
        var csv = ReportFixtures.Render(new CsvReportRenderer(), ReportFixtures.Build(RepositoryPaths.Sample("go-panic.log")));

        Assert.That(CsvReportRenderer.Columns, Is.EqualTo(ExpectedColumns));
        Assert.That(Header(csv), Is.EqualTo(ExpectedColumns));
        Assert.That(csv, Does.StartWith(string.Join(',', ExpectedColumns) + "\r\n"), "RFC 4180 records end with CRLF");
    }

    [Test]
    public void Has_one_row_per_cause_per_input_holding_its_evidence()
    {
        var inputs = new[] { RepositoryPaths.Sample("slow-consumer.log"), RepositoryPaths.Sample("slow-consumer-write-deadline.log") };
        var report = ReportFixtures.Build(inputs);
        var overload = report.Causes.Single(c => c.Cause == "overload");
        Assert.That(overload.Evidence.Select(e => e.Input).Distinct(), Is.EquivalentTo(inputs), "the fixture: one cause seen in both inputs");

        var rows = Parse(ReportFixtures.Render(new CsvReportRenderer(), report));

        var expected = report.Causes.SelectMany(c => c.Evidence.Select(e => (c.Cause, e.Input)).Distinct()).ToList();
        Assert.That(rows.Select(r => (r["cause"], r["input"])), Is.EquivalentTo(expected));
        Assert.That(rows.Where(r => r["cause"] == "overload").Select(r => r["input"]), Is.EqualTo(inputs), "inputs in the report's order");
        foreach (var row in rows)
        {
            var cause = report.Causes.Single(c => c.Cause == row["cause"]);
            Assert.That(row["scan_time"], Is.EqualTo("2026-11-27T08:30:00.000000Z"));
            Assert.That(row["rank"], Is.EqualTo((report.Causes.ToList().IndexOf(cause) + 1).ToString()));
            Assert.That(row["severity"], Is.EqualTo(cause.Severity));
            Assert.That(double.Parse(row["confidence"], System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(cause.Confidence));
            Assert.That(row["count"], Is.EqualTo(cause.Count.ToString()));
            Assert.That(row["count_scope"], Is.EqualTo("cause"));
            Assert.That(row["first_seen"], Is.EqualTo(ReportTime.Format(cause.FirstSeen)));
            Assert.That(row["last_seen"], Is.EqualTo(ReportTime.Format(cause.LastSeen)));
            Assert.That(DateTimeOffset.Parse(row["first_seen"], System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(cause.FirstSeen));
            var example = cause.Evidence.Single(e => e.Input == row["input"] && e.Line == long.Parse(row["example_line"]));
            Assert.That(row["top_rule"], Is.EqualTo(example.Rule));
            Assert.That(row["example_text"], Is.EqualTo(example.Text.Split('\n')[0]));
            var rulesInInput = cause.Evidence.Where(e => e.Input == row["input"]).Select(e => e.Rule).ToHashSet();
            Assert.That(row["top_rule"], Is.EqualTo(cause.Rules.First(rulesInInput.Contains)), "the highest-ranked rule with evidence in this input");
        }
    }

    [Test]
    public void Quotes_fields_that_need_it_and_cuts_multi_line_events_to_their_first_line()
    {
        var report = ReportFixtures.Build(RepositoryPaths.Sample("go-panic.log"), RepositoryPaths.Sample("auth-wrong-password.log"));
        var csv = ReportFixtures.Render(new CsvReportRenderer(), report);

        var rows = Parse(csv);
        var panic = rows.Single(r => r["cause"] == "server-bug");
        Assert.That(panic["example_text"], Does.StartWith("panic: runtime error"));
        Assert.That(panic["example_text"], Does.Not.Contain("\n"));
        Assert.That(csv, Does.Contain("\"" + rows.First(r => r["example_text"].Contains('"'))["example_text"].Replace("\"", "\"\"") + "\""),
            "a field with quotes is quoted, its quotes doubled");
        Assert.That(csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(rows.Count + 1), "one line per record");
    }

    [Test]
    public void Without_the_header_appends_to_a_file_written_with_it()
    {
        var first = ReportFixtures.Build(RepositoryPaths.Sample("auth-wrong-password.log"));
        var second = ReportFixtures.Build(RepositoryPaths.Sample("go-panic.log"));

        var appended = ReportFixtures.Render(new CsvReportRenderer(), first) + ReportFixtures.Render(new CsvReportRenderer(includeHeader: false), second);

        Assert.That(Header(appended), Is.EqualTo(ExpectedColumns));
        var rows = Parse(appended);
        Assert.That(rows.Select(r => r["cause"]), Is.EqualTo(first.Causes.Concat(second.Causes).Select(c => c.Cause)));
        Assert.That(Parse(ReportFixtures.Render(new CsvReportRenderer(includeHeader: false), second), hasHeader: false),
            Has.Count.EqualTo(second.Causes.Count));
    }

    [Test]
    public void A_report_without_causes_is_the_header_alone_or_nothing()
    {
        var report = ReportFixtures.Build(RepositoryPaths.Sample("healthy.log"));
        Assert.That(report.Causes, Is.Empty);

        Assert.That(ReportFixtures.Render(new CsvReportRenderer(), report), Is.EqualTo(string.Join(',', ExpectedColumns) + "\r\n"));
        Assert.That(ReportFixtures.Render(new CsvReportRenderer(includeHeader: false), report), Is.Empty);
    }
}
