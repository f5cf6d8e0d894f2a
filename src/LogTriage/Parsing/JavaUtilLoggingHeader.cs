using System.Globalization;
using System.Text.RegularExpressions;

namespace LogTriage.Parsing;

/// <summary>
/// java.util.logging's default console layout (SimpleFormatter), which jnats' default
/// ErrorListener writes through: a line with the time, class and method
/// (<c>Nov 25, 2026 10:00:05 AM io.nats.client.impl.ErrorListenerLoggerImpl exceptionOccurred</c>),
/// then the level and message (<c>SEVERE: exceptionOccurred, Connection: 14, Exception: ...</c>).
/// </summary>
public static partial class JavaUtilLoggingHeader
{
    [GeneratedRegex(@"^(?<time>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}, \d{4} \d{1,2}:\d{2}:\d{2} [AP]M) [\w$.]+(?: [\w$<>.-]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Header();

    [GeneratedRegex(@"^(?<level>SEVERE|WARNING|INFO|CONFIG|FINE|FINER|FINEST): ", RegexOptions.CultureInvariant)]
    private static partial Regex MessageLine();

    public static bool IsHeader(ReadOnlySpan<char> line) =>
        line.Length is > 20 and < 1024 && char.IsAsciiLetterUpper(line[0]) && line[3] == ' ' && Header().IsMatch(line);

    public static bool IsMessageLine(ReadOnlySpan<char> line) => line.Length > 4 && char.IsAsciiLetterUpper(line[0]) && MessageLine().IsMatch(line);

    /// <summary>The header's time, read as UTC like every other time without a zone.</summary>
    public static DateTimeOffset? Time(string header)
    {
        var match = Header().Match(header);
        return match.Success && DateTime.TryParseExact(match.Groups["time"].Value, "MMM d, yyyy h:mm:ss tt", CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time)
            ? new DateTimeOffset(time, TimeSpan.Zero)
            : null;
    }

    public static LogLevel Level(string messageLine) => MessageLine().Match(messageLine).Groups["level"].Value switch
    {
        "SEVERE" => LogLevel.Error,
        "WARNING" => LogLevel.Warning,
        "INFO" => LogLevel.Info,
        "CONFIG" or "FINE" => LogLevel.Debug,
        "FINER" or "FINEST" => LogLevel.Trace,
        _ => LogLevel.Unknown,
    };
}
