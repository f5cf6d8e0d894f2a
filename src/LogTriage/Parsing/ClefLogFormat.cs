using System.Globalization;
using System.Text.Json;

namespace LogTriage.Parsing;

/// <summary>
/// Serilog's compact JSON (CLEF), as Serilog.Formatting.Compact writes it: one object per line,
/// <c>@t</c> time, <c>@l</c> level (absent means Information), <c>@m</c> rendered message or
/// <c>@mt</c> template (rendered here, see <see cref="ClefMessageTemplate"/>), <c>@x</c>
/// exception, then the properties; a user's property named <c>@x</c> is written <c>@@x</c>, so
/// it is never taken for one of these. <c>@i</c>, <c>@tr</c> and <c>@sp</c> are not used.
/// Read with System.Text.Json; a line that is not CLEF is kept as an unparsed event.
/// </summary>
internal sealed class ClefLogFormat : ILogFormat
{
    public string Name => "clef";

    public double Recognise(IReadOnlyList<string> sample)
    {
        var nonEmpty = 0;
        var clef = 0;
        foreach (var line in sample)
        {
            if (string.IsNullOrWhiteSpace(line))
                continue;
            nonEmpty++;
            if (IsClef(line))
                clef++;
        }
        return nonEmpty == 0 ? 0 : (double)clef / nonEmpty;
    }

    public ILineParser CreateParser(string inputName) => new ClefLineParser(inputName);

    private static bool IsClef(string line)
    {
        if (!MayBeClef(line))
            return false;
        try
        {
            using var json = JsonDocument.Parse(line);
            return TryReadTime(json.RootElement, out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The cheap test before parsing: an object that names <c>@t</c>.</summary>
    internal static bool MayBeClef(string line)
    {
        var trimmed = line.AsSpan().TrimStart();
        return !trimmed.IsEmpty && trimmed[0] == '{' && line.Contains("\"@t\"", StringComparison.Ordinal);
    }

    internal static bool TryReadTime(JsonElement root, out DateTimeOffset time)
    {
        time = default;
        return root.ValueKind == JsonValueKind.Object && root.TryGetProperty("@t", out var t) && t.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(t.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time);
    }

    internal static LogLevel LevelOf(JsonElement root) =>
        !root.TryGetProperty("@l", out var l) || l.ValueKind != JsonValueKind.String
            ? LogLevel.Info
            : l.GetString() switch
            {
                "Verbose" => LogLevel.Trace,
                "Debug" => LogLevel.Debug,
                "Information" => LogLevel.Info,
                "Warning" => LogLevel.Warning,
                "Error" => LogLevel.Error,
                "Fatal" => LogLevel.Fatal,
                var other => LogLevelNames.TryParse(other, out var parsed) ? parsed : LogLevel.Unknown,
            };
}
