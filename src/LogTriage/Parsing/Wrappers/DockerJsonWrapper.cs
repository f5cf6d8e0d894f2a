using System.Text.Json;

namespace LogTriage.Parsing.Wrappers;

/// <summary>Docker's json-file driver: <c>{"log":"...\n","stream":"stderr","time":"2026-11-25T10:00:00.123456789Z"}</c>.</summary>
internal sealed class DockerJsonWrapper : ILineWrapper
{
    public string Name => "docker-json";

    public bool TryUnwrap(string line, out UnwrappedLine inner)
    {
        inner = default;
        if (!line.StartsWith("{\"log\":", StringComparison.Ordinal))
            return false;
        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (!root.TryGetProperty("log", out var log) || log.ValueKind != JsonValueKind.String)
                return false;
            DateTimeOffset? time = root.TryGetProperty("time", out var t) && t.ValueKind == JsonValueKind.String
                && Rfc3339.TryParse(t.GetString(), out var parsed) ? parsed : null;
            inner = new UnwrappedLine(log.GetString()!.TrimEnd('\n', '\r'), time, null, null);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
