namespace LogTriage.Report;

/// <summary>
/// Short names for a report's inputs where a line's place is shown: the file name, with the server
/// in front for a fleet's inputs (<c>cluster/server:path</c>), and the whole name wherever two
/// inputs would otherwise read the same (two hosts' <c>nats.log</c>).
/// </summary>
public sealed class InputLabels
{
    private readonly Dictionary<string, string> _labels;

    public InputLabels(IEnumerable<string> names)
    {
        var distinct = names.Distinct(StringComparer.Ordinal).ToList();
        var shortNames = distinct.ToDictionary(n => n, Short, StringComparer.Ordinal);
        var taken = shortNames.Values.GroupBy(v => v, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        _labels = shortNames.ToDictionary(p => p.Key, p => taken.Contains(p.Value) ? p.Key : p.Value, StringComparer.Ordinal);
    }

    public string Of(string name) => _labels.TryGetValue(name, out var label) ? label : Short(name);

    private static string Short(string name)
    {
        // A fleet names its inputs cluster/server:path (LogWorker), so every host's nats.log stays apart.
        var colon = name.IndexOf(':');
        var slash = name.IndexOf('/');
        if (colon > 0 && slash > 0 && slash < colon && colon + 1 < name.Length && name.IndexOf('/', slash + 1, colon - slash - 1) < 0)
            return $"{name[(slash + 1)..colon]}:{Path.GetFileName(name[(colon + 1)..])}";
        return Path.GetFileName(name);
    }
}
