using System.Text.Encodings.Web;
using System.Text.Json;

namespace LogTriage.Report;

/// <summary>
/// The JSON report of the contract in the design: one object, causes ranked. As the last line of
/// a <c>jsonl</c> stream it is written on one line, tagged <c>"event":"report"</c>.
/// </summary>
public sealed class JsonReportRenderer(bool indented = true, string format = "json") : IReportRenderer
{
    public string Format => format;

    public void Render(CauseReport report, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            if (!indented)
                json.WriteString("event", "report");
            json.WriteStartObject("tool");
            json.WriteString("name", report.ToolName);
            json.WriteString("version", report.ToolVersion);
            json.WriteEndObject();
            json.WriteString("generatedAt", ReportTime.Format(report.GeneratedAt));

            json.WriteStartArray("inputs");
            foreach (var input in report.Inputs)
            {
                json.WriteStartObject();
                json.WriteString("name", input.Name);
                json.WriteString("format", input.Format);
                json.WriteNumber("lines", input.Lines);
                json.WriteNumber("bytes", input.Bytes);
                json.WriteNumber("unparsed", input.Unparsed);
                json.WriteNumber("truncatedLines", input.TruncatedLines);
                if (input.Error is not null)
                    json.WriteString("error", input.Error);
                json.WriteEndObject();
            }
            json.WriteEndArray();

            WriteCauses(json, "causes", report.Causes);
            WriteCauses(json, "context", report.Context);

            json.WriteStartArray("unrecognised");
            foreach (var u in report.Unrecognised)
            {
                json.WriteStartObject();
                json.WriteString("template", u.Template);
                json.WriteString("level", u.Level);
                json.WriteNumber("count", u.Count);
                WriteTime(json, "firstSeen", u.FirstSeen);
                WriteTime(json, "lastSeen", u.LastSeen);
                json.WriteStartObject("example");
                json.WriteString("input", u.Example.Input);
                json.WriteNumber("line", u.Example.Line);
                WriteTime(json, "time", u.Example.Time);
                json.WriteString("text", u.Example.Text);
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();

            json.WriteStartArray("suppressed");
            foreach (var s in report.Suppressed)
            {
                json.WriteStartObject();
                json.WriteString("rule", s.Rule);
                json.WriteString("exception", s.Exception);
                json.WriteNumber("signals", s.Signals);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            if (report.Engine is { } engine)
            {
                json.WriteStartObject("engine");
                json.WriteNumber("factsInserted", engine.FactsInserted);
                json.WriteNumber("liveFacts", engine.LiveFacts);
                json.WriteNumber("rulesFired", engine.RulesFired);
                json.WriteNumber("milliseconds", engine.Milliseconds);
                json.WriteEndObject();
            }

            json.WriteStartArray("warnings");
            foreach (var warning in report.Warnings)
                json.WriteStringValue(warning);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        output.Write(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        output.WriteLine();
    }

    private static void WriteCauses(Utf8JsonWriter json, string name, IReadOnlyList<ReportedCause> causes)
    {
        json.WriteStartArray(name);
        foreach (var c in causes)
        {
            json.WriteStartObject();
            json.WriteString("cause", c.Cause);
            json.WriteString("title", c.Title);
            json.WriteString("summary", c.Summary);
            json.WriteString("severity", c.Severity);
            json.WriteNumber("confidence", c.Confidence);
            json.WriteNumber("count", c.Count);
            WriteTime(json, "firstSeen", c.FirstSeen);
            WriteTime(json, "lastSeen", c.LastSeen);
            WriteStrings(json, "rules", c.Rules);
            json.WriteStartArray("evidence");
            foreach (var e in c.Evidence)
            {
                json.WriteStartObject();
                json.WriteString("input", e.Input);
                json.WriteNumber("line", e.Line);
                WriteTime(json, "time", e.Time);
                json.WriteString("text", e.Text);
                json.WriteString("rule", e.Rule);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            WriteStrings(json, "connections", c.Connections);
            WriteStrings(json, "inputs", c.Inputs);
            WriteStrings(json, "explainedBy", c.ExplainedBy);
            WriteStrings(json, "explains", c.Explains);
            json.WriteString("diagnosis", c.Diagnosis);
            WriteStrings(json, "fix", c.Fix);
            if (c.Why is not null)
                json.WriteString("why", c.Why);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteTime(Utf8JsonWriter json, string name, DateTimeOffset? time)
    {
        if (ReportTime.Format(time) is { } text)
            json.WriteString(name, text);
        else
            json.WriteNull(name);
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
            json.WriteStringValue(value);
        json.WriteEndArray();
    }
}
