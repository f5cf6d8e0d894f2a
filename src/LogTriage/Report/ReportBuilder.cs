using LogTriage.Engine;

namespace LogTriage.Report;

/// <summary>Turns an analysis result into the report model, applying the text filter (redaction) once for every renderer.</summary>
/// <param name="maxExamples">Evidence lines kept per cause (<c>--max-examples</c>), the most telling first as ranked.</param>
public sealed class ReportBuilder(string toolVersion, Func<string, string>? textFilter = null, int maxExamples = int.MaxValue)
{
    /// <summary>An input with more unparsed lines than this share is flagged: probably the wrong format.</summary>
    private const double UnparsedWarningShare = 0.5;

    private const int MaxEvidenceLines = 40;

    private readonly Func<string, string> _filter = textFilter ?? (s => s);

    public CauseReport Build(AnalysisResult result, DateTimeOffset generatedAt)
    {
        var context = result.EvidenceContext;
        var inputs = result.Inputs
            .Select(i => new ReportedInput(i.Name, i.Format, i.Lines, i.Bytes, i.Unparsed, i.Error) { TruncatedLines = i.TruncatedLines, FirstTime = i.FirstTime, LastTime = i.LastTime })
            .ToList();
        var warnings = new List<string>();
        foreach (var input in inputs)
        {
            if (input.Error is not null)
                warnings.Add($"{input.Name}: could not be read completely: {input.Error}");
            else if (input.Lines > 0 && (double)input.Unparsed / input.Lines > UnparsedWarningShare && input.Format != "text")
                warnings.Add($"{input.Name}: {input.Unparsed} of {input.Lines} lines were not understood as {input.Format}");
            if (input.TruncatedLines > 0)
                warnings.Add($"{input.Name}: {input.TruncatedLines} line(s) longer than {Input.LineReader.MaxLineLength} characters were cut");
        }
        if (result.OutsideWindow is { } outside)
            warnings.Add(outside.First is { } first && outside.Last is { } last
                ? $"no event falls within the --since/--until window: the {outside.Events} event(s) read run from {first.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z to {last.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z"
                : $"no event falls within the --since/--until window ({outside.Events} event(s) read)");
        return new CauseReport("logtriage", toolVersion, generatedAt, inputs,
            result.Causes.Select(c => Report(c, context)).ToList(), result.Context.Select(c => Report(c, context)).ToList(), warnings)
        {
            Unrecognised = result.Unrecognised.Select(g => new ReportedUnrecognised(
                _filter(g.Template), Parsing.LogLevelNames.ToShortName(g.Level), g.Count, g.FirstSeen, g.LastSeen,
                new ReportedEvidence(g.Example.Input, g.Example.Line, g.Example.Time, _filter(Cap(Shown(g.Example))), "", ""))).ToList(),
            Suppressed = result.Suppressed.Select(s => new ReportedSuppression(s.RuleId, s.Exception, s.Signals)).ToList(),
            Engine = result.Engine is { } e ? new ReportedEngine(e.FactsInserted, e.LiveFacts, e.RulesFired, (long)e.Busy.TotalMilliseconds) : null,
        };
    }

    private ReportedCause Report(RankedCause c, IReadOnlyDictionary<(string Input, long Line), Input.LineContext> context) => new ReportedCause(
        c.Cause,
        c.Definition.Title,
        c.Definition.Summary,
        c.Severity.ToString().ToLowerInvariant(),
        c.Confidence,
        c.Count,
        c.FirstSeen,
        c.LastSeen,
        c.Rules,
        c.Evidence.Take(maxExamples).Select(e => WithContext(new ReportedEvidence(e.Event.Input, e.Event.Line, e.Event.Time, _filter(Cap(Shown(e.Event))), e.RuleId, e.RuleTitle), context)).ToList(),
        c.Connections.Select(_filter).ToList(),
        c.ExplainedBy,
        c.Explains,
        c.Definition.Diagnosis,
        c.Definition.Fix,
        c.Definition.Why)
    {
        Inputs = c.Inputs,
    };

    private ReportedEvidence WithContext(ReportedEvidence evidence, IReadOnlyDictionary<(string Input, long Line), Input.LineContext> context) =>
        context.TryGetValue((evidence.Input, evidence.Line), out var around)
            ? evidence with { Before = around.Before.Select(_filter).ToList(), After = around.After.Select(_filter).ToList() }
            : evidence;

    /// <summary>
    /// What a person recognises of an event: a structured (CLEF or JSON) line as its rendered
    /// message, with the exception beneath as the parser appended it, never the raw JSON; any
    /// other line as written.
    /// </summary>
    private static string Shown(Parsing.LogEvent e)
    {
        if (!e.Parsed || e.Message.Length == 0 || !e.Text.AsSpan().TrimStart().StartsWith("{"))
            return e.Text;
        // The parser appended the exception's type and message (and its causes) after " | ":
        // they go beneath the rendered message, one per line, as a person reads an exception.
        var parts = e.Message.Split(" | ");
        var shown = $"[{Parsing.LogLevelNames.ToShortName(e.Level)}] {parts[0]}";
        return parts.Length == 1 ? shown : shown + "\n" + string.Join("\n", parts.Skip(1).Select(p => "    " + p));
    }

    private static string Cap(string text)
    {
        var lines = text.Split('\n');
        return lines.Length <= MaxEvidenceLines ? text
            : string.Join('\n', lines.Take(MaxEvidenceLines)) + $"\n... ({lines.Length - MaxEvidenceLines} more lines)";
    }
}
