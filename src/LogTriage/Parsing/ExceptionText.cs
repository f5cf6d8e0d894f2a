namespace LogTriage.Parsing;

/// <summary>
/// The part of a .NET exception's text a rule can use: the type and message lines (outer and
/// inner exceptions), without the stack frames.
/// </summary>
internal static class ExceptionText
{
    public static string Summary(string exception)
    {
        var lines = exception.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith("at ", StringComparison.Ordinal)
                        && !l.StartsWith("--- End of", StringComparison.Ordinal));
        return string.Join(" | ", lines);
    }

    /// <summary>The message, with the exception's summary after it when there is one.</summary>
    public static string Append(string message, string? exception) =>
        string.IsNullOrWhiteSpace(exception) ? message : $"{message} | {Summary(exception)}";
}
