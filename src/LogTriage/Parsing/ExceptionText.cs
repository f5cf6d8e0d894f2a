namespace LogTriage.Parsing;

/// <summary>
/// The part of an exception's text a rule can use: the type and message of the exception and of
/// each cause (.NET inner exceptions, JVM <c>Caused by:</c>, a CPython traceback chain, a Node
/// error's properties), without stack frames and source lines.
/// </summary>
internal static class ExceptionText
{
    private const int MaxSummaryLength = 4000;

    public static string Summary(string exception)
    {
        var kept = new List<string>();
        var inTraceback = false;
        var inNatsCStack = false;
        string? lastRaise = null;
        string? natsFrame = null;
        foreach (var raw in exception.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            var trimmed = line.Trim();
            if (trimmed.Length == 0)
                continue;
            var indented = line[0] is ' ' or '\t';
            if (ExceptionLine.IsTracebackStart(trimmed))
            {
                inTraceback = true;
                continue;
            }
            if (ExceptionLine.IsNatsCStack(trimmed))
            {
                inNatsCStack = true;
                continue;
            }
            if (indented && (inTraceback || inNatsCStack))
            {
                // The innermost frame in the nats package is kept: where the library failed.
                if (inTraceback && ExceptionLine.PythonNatsFrameName(trimmed) is { } frame)
                    natsFrame = frame;
                if (inTraceback && trimmed.StartsWith("raise ", StringComparison.Ordinal))
                    lastRaise = trimmed;
                continue;
            }
            if (!indented)
            {
                if (inTraceback && natsFrame is not null)
                    kept.Add(natsFrame);
                inTraceback = inNatsCStack = false;
                lastRaise = null;
                natsFrame = null;
            }
            if (trimmed.StartsWith("at ", StringComparison.Ordinal) || trimmed.StartsWith("--- End of", StringComparison.Ordinal)
                || ExceptionLine.IsOmittedFrames(trimmed) || ExceptionLine.IsTracebackChain(trimmed) || trimmed is "}" or "{")
                continue;
            kept.Add(trimmed);
        }
        // A paste cut before CPython's closing "Type: message" line still names the exception in
        // the statement that raised it.
        if (inTraceback && lastRaise is not null)
        {
            if (natsFrame is not null)
                kept.Add(natsFrame);
            kept.Add(lastRaise);
        }
        var summary = string.Join(" | ", kept);
        return summary.Length <= MaxSummaryLength ? summary : summary[..MaxSummaryLength];
    }

    /// <summary>The message, with the exception's summary after it when there is one.</summary>
    public static string Append(string message, string? exception)
    {
        if (string.IsNullOrWhiteSpace(exception))
            return message;
        var summary = Summary(exception);
        return summary.Length == 0 ? message : message.Length == 0 ? summary : $"{message} | {summary}";
    }
}
