using System.Globalization;
using CsvHelper;

namespace LogTriage.Report;

/// <summary>
/// The report as CSV (RFC 4180: comma, CRLF, fields quoted when they hold a comma, quote or line
/// break), for spreadsheets and for appending scheduled scans to one file: one row per cause per
/// input that holds evidence of it, the causes in rank order, the inputs in the report's order.
/// Context signals ("also seen") are not rows. A report without causes is the header alone, or
/// nothing at all without the header. A text field a spreadsheet would take for a formula (starting
/// with = + - @, tab or CR, e.g. the input name "-" of standard input) is written with a leading '.
/// </summary>
/// <remarks>
/// Columns (<see cref="Columns"/>, a stable contract; new ones are only ever added at the end):
/// <list type="bullet">
/// <item><c>scan_time</c>: when the report was made (ISO 8601, UTC); one value per scan, to tell appended scans apart.</item>
/// <item><c>input</c>: the input's name as in the report.</item>
/// <item><c>rank</c>: the cause's rank in the report, 1 = most likely.</item>
/// <item><c>cause</c>, <c>severity</c>, <c>confidence</c>: as in the JSON report.</item>
/// <item><c>count</c>, <c>first_seen</c>, <c>last_seen</c>: the cause's figures across all inputs. The report keeps only a
/// sample of evidence lines per cause, so counting them per input would undercount; <c>count_scope</c> says which scope the
/// three columns have, today always <c>cause</c> (it would read <c>input</c> if the report ever carries exact per-input figures).</item>
/// <item><c>count_scope</c>: see above.</item>
/// <item><c>top_rule</c>: the highest-ranked of the cause's rules with evidence from this input.</item>
/// <item><c>example_line</c>, <c>example_text</c>: one evidence line of that rule from this input: its line number and its
/// first line of text (a multi-line event such as a Go panic is cut to its first line).</item>
/// </list>
/// </remarks>
public sealed class CsvReportRenderer(bool includeHeader = true) : IReportRenderer
{
    public const string CauseScope = "cause";

    public static IReadOnlyList<string> Columns { get; } =
    [
        "scan_time", "input", "rank", "cause", "severity", "confidence", "count", "count_scope",
        "first_seen", "last_seen", "top_rule", "example_line", "example_text",
    ];

    /// <summary>
    /// RFC 4180 (comma, CRLF, quotes when needed), and log text that a spreadsheet would run as a formula
    /// (a field starting with = + - @, tab or CR) is prefixed with ' so it shows as text.
    /// </summary>
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        NewLine = "\r\n",
        Separator = ',',
        Injection = CsvInjection.Escape,
    };

    public string Format => "csv";

    /// <summary>Whether the first row names the columns; off when appending to an existing file.</summary>
    public bool IncludeHeader => includeHeader;

    public void Render(CauseReport report, TextWriter output)
    {
        using var csv = CsvWriter.Create(output, Options, leaveOpen: true);
        if (includeHeader)
            csv.WriteHeader([.. Columns]);

        var scanTime = ReportTime.Format(report.GeneratedAt);
        var inputOrder = report.Inputs.Select((input, index) => (input.Name, index))
            .GroupBy(x => x.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().index, StringComparer.Ordinal);
        var rank = 0;
        foreach (var cause in report.Causes)
        {
            rank++;
            var byInput = cause.Evidence
                .GroupBy(e => e.Input, StringComparer.Ordinal)
                .OrderBy(g => inputOrder.GetValueOrDefault(g.Key, int.MaxValue))
                .ThenBy(g => g.Key, StringComparer.Ordinal);
            foreach (var evidence in byInput)
            {
                var example = Example(cause, evidence.ToList());
                csv.WriteField(scanTime);
                csv.WriteField(evidence.Key);
                csv.WriteField(rank.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(cause.Cause);
                csv.WriteField(cause.Severity);
                csv.WriteField(cause.Confidence.ToString("0.###", CultureInfo.InvariantCulture));
                csv.WriteField(cause.Count.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(CauseScope);
                csv.WriteField(ReportTime.Format(cause.FirstSeen) ?? "");
                csv.WriteField(ReportTime.Format(cause.LastSeen) ?? "");
                csv.WriteField(example.Rule);
                csv.WriteField(example.Line.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(FirstLine(example.Text));
                csv.EndRecord();
            }
        }
        csv.Flush();
    }

    /// <summary>The evidence line of the highest-ranked rule (the cause's rules are in rank order) among this input's lines.</summary>
    private static ReportedEvidence Example(ReportedCause cause, List<ReportedEvidence> evidence)
    {
        foreach (var rule in cause.Rules)
            if (evidence.FirstOrDefault(e => e.Rule == rule) is { } line)
                return line;
        return evidence[0];
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }
}
