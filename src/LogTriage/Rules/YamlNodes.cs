using YamlDotNet.RepresentationModel;

namespace LogTriage.Rules;

/// <summary>
/// Reads typed values out of YAML nodes, recording an error with the node's position instead of
/// throwing, so one pass reports every problem in a file.
/// </summary>
internal sealed class YamlNodes(string file, List<RuleError> errors)
{
    public SourceLocation At(YamlNode node) => new(file, node.Start.Line, node.Start.Column);

    public void Error(YamlNode node, string message) => errors.Add(new RuleError(At(node), message));

    /// <summary>The mapping's entries by key; unknown keys are errors.</summary>
    public Dictionary<string, YamlNode>? Mapping(YamlNode node, string what, IReadOnlyCollection<string> allowed)
    {
        if (node is not YamlMappingNode mapping)
        {
            Error(node, $"{what} must be a mapping");
            return null;
        }
        var result = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (!allowed.Contains(key))
                Error(keyNode, $"unknown key '{key}' in {what} (expected one of: {string.Join(", ", allowed)})");
            else if (!result.TryAdd(key, value))
                Error(keyNode, $"key '{key}' appears twice in {what}");
        }
        return result;
    }

    public string? String(Dictionary<string, YamlNode> map, string key, YamlNode parent, bool required)
    {
        if (!map.TryGetValue(key, out var node))
        {
            if (required)
                Error(parent, $"missing required key '{key}'");
            return null;
        }
        if (node is YamlScalarNode { Value: { } value } && value.Length > 0)
            return value;
        Error(node, $"'{key}' must be a non-empty text");
        return null;
    }

    public IReadOnlyList<string> Strings(Dictionary<string, YamlNode> map, string key)
    {
        if (!map.TryGetValue(key, out var node))
            return [];
        return StringsOf(node, key);
    }

    /// <summary>A single scalar or a sequence of scalars.</summary>
    public IReadOnlyList<string> StringsOf(YamlNode node, string key)
    {
        switch (node)
        {
            case YamlScalarNode { Value: { } value }:
                return [value];
            case YamlSequenceNode sequence:
                var list = new List<string>();
                foreach (var item in sequence)
                {
                    if (item is YamlScalarNode { Value: { } v })
                        list.Add(v);
                    else
                        Error(item, $"items of '{key}' must be texts");
                }
                return list;
            default:
                Error(node, $"'{key}' must be a text or a list of texts");
                return [];
        }
    }

    public double? Number(Dictionary<string, YamlNode> map, string key)
    {
        if (!map.TryGetValue(key, out var node))
            return null;
        if (node is YamlScalarNode { Value: { } value }
            && double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number))
            return number;
        Error(node, $"'{key}' must be a number");
        return null;
    }

    public TimeSpan? Duration(Dictionary<string, YamlNode> map, string key, YamlNode parent)
    {
        var text = String(map, key, parent, required: true);
        if (text is null)
            return null;
        if (DurationText.TryParse(text, out var duration) && duration > TimeSpan.Zero)
            return duration;
        Error(map[key], $"'{key}' must be a duration such as 500ms, 30s, 5m, 2h or 1d, not '{text}'");
        return null;
    }
}
