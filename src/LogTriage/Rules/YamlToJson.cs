using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace LogTriage.Rules;

/// <summary>
/// Turns a YAML document into JSON for schema validation, remembering where each JSON pointer
/// came from in the YAML text so schema errors point at a line and column.
/// </summary>
internal static class YamlToJson
{
    public static JsonNode? Convert(YamlNode node, string pointer, Dictionary<string, Mark> positions)
    {
        positions[pointer] = node.Start;
        switch (node)
        {
            case YamlMappingNode mapping:
                var obj = new JsonObject();
                foreach (var (key, value) in mapping.Children)
                {
                    var name = (key as YamlScalarNode)?.Value ?? "";
                    obj[name] = Convert(value, $"{pointer}/{Escape(name)}", positions);
                }
                return obj;
            case YamlSequenceNode sequence:
                var array = new JsonArray();
                var index = 0;
                foreach (var item in sequence.Children)
                    array.Add(Convert(item, $"{pointer}/{index++}", positions));
                return array;
            case YamlScalarNode scalar:
                return Scalar(scalar);
            default:
                return null;
        }
    }

    /// <summary>Plain scalars are typed as YAML 1.2's core schema types them; quoted ones stay strings.</summary>
    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain)
            return JsonValue.Create(value);
        if (value is "" or "~" or "null" or "Null" or "NULL")
            return null;
        if (value is "true" or "True" or "TRUE")
            return JsonValue.Create(true);
        if (value is "false" or "False" or "FALSE")
            return JsonValue.Create(false);
        if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer))
            return JsonValue.Create(integer);
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && !value.Contains(' '))
            return JsonValue.Create(number);
        return JsonValue.Create(value);
    }

    private static string Escape(string name) => name.Replace("~", "~0").Replace("/", "~1");
}
