using System.Buffers;
using System.Text.RegularExpressions;

namespace LogTriage.Parsing;

/// <summary>
/// What one line of an exception or traceback is, as the runtimes print them: JVM
/// (<c>\tat ...</c>, <c>Caused by: ...</c>, <c>\t... 12 more</c>), .NET (<c>   at ...</c>,
/// <c> ---&gt; Inner: msg</c>, <c>--- End of inner exception stack trace ---</c>), Node
/// (<c>    at ...</c>), CPython (<c>Traceback (most recent call last):</c>, <c>  File "...", line N, in f</c>)
/// and nats.c's <c>nats_PrintLastErrorStack</c> (<c>Stack: (library version: ...)</c>).
/// Pure functions on spans: the plain-text reader asks them of lines it has not made strings of yet.
/// </summary>
public static partial class ExceptionLine
{
    public const string TracebackStart = "Traceback (most recent call last):";

    /// <summary><c>java.net.ConnectException: Connection refused</c>, <c>System.Net.Sockets.SocketException (111): Connection refused</c>, <c>NatsError: TIMEOUT</c>, optionally after the JVM's or .NET's words for an uncaught exception.</summary>
    [GeneratedRegex(@"^(?<uncaught>Exception in thread ""[^""]*"" |Unhandled exception\. |Unhandled Exception: )?(?:[A-Za-z_$][\w$]*[.+])*(?:[A-Za-z_$][\w$`]*)?(?:Exception|Error|Throwable|Fault|Panic)(?: \((?:0x[0-9A-Fa-f]+|-?\d+)\))?(?::(?: .*)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Header();

    // Every header names one of these; most lines of a log contain none, and are settled without the regex.
    private static readonly SearchValues<string> HeaderWords =
        SearchValues.Create(["Exception", "Error", "Throwable", "Fault", "Panic"], StringComparison.Ordinal);

    /// <summary>A stack frame: indented <c>at ...</c> (JVM with a tab, .NET and Node with spaces).</summary>
    public static bool IsFrame(ReadOnlySpan<char> line) =>
        line.Length > 0 && (line[0] == '\t' || line[0] == ' ') && line.TrimStart().StartsWith("at ");

    /// <summary>A line that only ever continues an exception already begun, never starts a record.</summary>
    public static bool IsContinuation(ReadOnlySpan<char> line)
    {
        if (IsFrame(line))
            return true;
        var t = line.TrimStart();
        return t.StartsWith("Caused by: ") || t.StartsWith("Suppressed: ") || t.StartsWith("---> ")
               || t.StartsWith("--- End of ") || IsOmittedFrames(t);
    }

    /// <summary>The JVM's <c>... 12 more</c>, logback's <c>... 12 common frames omitted</c>.</summary>
    public static bool IsOmittedFrames(ReadOnlySpan<char> trimmed) =>
        trimmed.StartsWith("... ") && (trimmed.EndsWith(" more") || trimmed.EndsWith(" common frames omitted"));

    public static bool IsTracebackStart(ReadOnlySpan<char> line) => line.TrimEnd().SequenceEqual(TracebackStart);

    /// <summary>CPython's sentences between the tracebacks of a chain.</summary>
    public static bool IsTracebackChain(ReadOnlySpan<char> line) =>
        line.StartsWith("During handling of the above exception, another exception occurred:")
        || line.StartsWith("The above exception was the direct cause of the following exception:");

    public static bool IsNatsCStack(ReadOnlySpan<char> line) => line.StartsWith("Stack: (library version");

    /// <summary>A line naming an exception type and its message, the first line of a runtime's exception text.</summary>
    public static bool IsHeader(ReadOnlySpan<char> line) =>
        line.Length is > 4 and < 4096 && line[0] != ' ' && line[0] != '\t' && line.ContainsAny(HeaderWords) && Header().IsMatch(line.TrimEnd());

    /// <summary>A header that says the exception was not caught: the runtime printed it on its own, not a logger.</summary>
    public static bool IsUncaughtHeader(ReadOnlySpan<char> line) =>
        line.StartsWith("Exception in thread \"") || line.StartsWith("Unhandled exception. ") || line.StartsWith("Unhandled Exception: ");

    /// <summary>Whether a line can belong to an exception's text, so a reader must not skip it unread.</summary>
    public static bool MayBelongToException(ReadOnlySpan<char> line) =>
        line.Length > 0 && (line[0] == ' ' || line[0] == '\t' || line[0] == '}' || IsContinuation(line) || IsTracebackStart(line)
                            || IsTracebackChain(line) || IsNatsCStack(line) || IsHeader(line));

    // nats.py raises the same TimeoutError, OSError or CancelledError whether it was dialling or
    // waiting for a reply; only the library frame it came out of tells the two apart.
    [GeneratedRegex(@"^File ""(?:[^""]*[/\\])?(?<module>nats(?:[/\\]\w+)*)\.py"", line \d+, in (?<function>[\w<>]+)", RegexOptions.CultureInvariant)]
    private static partial Regex PythonNatsFrame();

    /// <summary>
    /// A CPython traceback frame inside the nats package, as <c>at nats.aio.transport.connect</c>;
    /// null for any other line.
    /// </summary>
    public static string? PythonNatsFrameName(string trimmed)
    {
        if (!trimmed.StartsWith("File \"", StringComparison.Ordinal))
            return null;
        var frame = PythonNatsFrame().Match(trimmed);
        return frame.Success ? $"at {frame.Groups["module"].Value.Replace('/', '.').Replace('\\', '.')}.{frame.Groups["function"].Value}" : null;
    }
}
