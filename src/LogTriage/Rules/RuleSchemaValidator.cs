using System.Text.Json;
using Json.Schema;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace LogTriage.Rules;

/// <summary>
/// Checks rule files against the JSON Schema shipped in <c>rules/schema/</c> (the one editors use
/// for completion), reporting each violation at its YAML line and column.
/// </summary>
public sealed class RuleSchemaValidator
{
    private readonly JsonSchema _schema;

    public RuleSchemaValidator(string schemaText)
    {
        // A registry of its own: the library's global one refuses a second schema with the same $id.
        _schema = JsonSchema.FromText(schemaText, new BuildOptions { SchemaRegistry = new SchemaRegistry() });
    }

    public static RuleSchemaValidator FromFile(string path) => new(File.ReadAllText(path));

    public IReadOnlyList<RuleError> Validate(string file, TextReader text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(text);
        }
        catch (YamlException e)
        {
            return [new RuleError(new SourceLocation(file, e.Start.Line, e.Start.Column), "YAML syntax: " + e.Message)];
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or NotSupportedException or OverflowException)
        {
            return [new RuleError(new SourceLocation(file, 1, 1), "YAML syntax: the file could not be read: " + e.Message)];
        }

        var errors = new List<RuleError>();
        foreach (var document in stream.Documents)
        {
            var positions = new Dictionary<string, Mark>(StringComparer.Ordinal);
            var json = YamlToJson.Convert(document.RootNode, "", positions);
            using var parsed = JsonDocument.Parse(json?.ToJsonString() ?? "null");
            var result = _schema.Evaluate(parsed.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            if (result.IsValid)
                continue;
            foreach (var detail in (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }))
            {
                var pointer = detail.InstanceLocation.ToString();
                var mark = Nearest(positions, pointer);
                foreach (var (keyword, message) in detail.Errors!)
                    errors.Add(new RuleError(new SourceLocation(file, mark.Line, mark.Column), $"schema ({keyword} at {(pointer.Length == 0 ? "/" : pointer)}): {message}"));
            }
        }
        return errors.DistinctBy(e => (e.Location, e.Message)).ToList();
    }

    private static Mark Nearest(Dictionary<string, Mark> positions, string pointer)
    {
        for (var p = pointer; ; p = p[..p.LastIndexOf('/')])
        {
            if (positions.TryGetValue(p, out var mark))
                return mark;
            if (p.Length == 0 || p.LastIndexOf('/') < 0)
                return positions.GetValueOrDefault("", Mark.Empty);
        }
    }
}
