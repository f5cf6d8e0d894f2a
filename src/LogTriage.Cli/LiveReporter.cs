using System.Text.Encodings.Web;
using System.Text.Json;
using LogTriage.Engine;
using LogTriage.Report;

namespace LogTriage.Cli;

/// <summary>
/// Prints causes while an endless input is still being read: a cause when it first appears and
/// again only when its severity rises, so a flood of the same signal is one line, not thousands.
/// </summary>
public sealed class LiveReporter(TextWriter output, bool jsonLines, Func<string, string> redact)
{
    private readonly Dictionary<string, Rules.Severity> _announced = new(StringComparer.Ordinal);

    public void Update(AnalysisResult result)
    {
        foreach (var cause in result.Causes)
        {
            if (_announced.TryGetValue(cause.Cause, out var severity) && severity >= cause.Severity)
                continue;
            var escalated = _announced.ContainsKey(cause.Cause);
            _announced[cause.Cause] = cause.Severity;
            output.WriteLine(jsonLines ? Json(cause, escalated, redact) : Text(cause, escalated));
        }
        output.Flush();
    }

    private static string Text(RankedCause c, bool escalated)
    {
        var first = c.Evidence.FirstOrDefault();
        var where = first is null ? "" : $" ({first.Event.Input}:{first.Event.Line})";
        return $"[{(escalated ? "escalated" : "found")}] {ReportTime.Format(c.FirstSeen) ?? "-"} {c.Cause} {c.Severity.ToString().ToLowerInvariant()} " +
               $"confidence {c.Confidence:0.00}: {c.Definition.Title}{where}";
    }

    private static string Json(RankedCause c, bool escalated, Func<string, string> redact)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("event", escalated ? "escalated" : "cause");
            json.WriteString("cause", c.Cause);
            json.WriteString("title", c.Definition.Title);
            json.WriteString("severity", c.Severity.ToString().ToLowerInvariant());
            json.WriteNumber("confidence", c.Confidence);
            json.WriteNumber("count", c.Count);
            json.WriteString("firstSeen", ReportTime.Format(c.FirstSeen));
            json.WriteStartArray("rules");
            foreach (var rule in c.Rules)
                json.WriteStringValue(rule);
            json.WriteEndArray();
            if (c.Evidence.FirstOrDefault() is { } e)
            {
                json.WriteStartObject("evidence");
                json.WriteString("input", e.Event.Input);
                json.WriteNumber("line", e.Event.Line);
                json.WriteString("text", redact(e.Event.Text.Split('\n')[0]));
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
