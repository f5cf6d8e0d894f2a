namespace LogTriage.Parsing;

/// <summary>
/// Recognises the first line of a Go runtime crash, which the runtime writes to stderr without
/// any logger prefix: <c>panic: ...</c>, <c>fatal error: ...</c>, or a signal dump such as
/// <c>SIGQUIT: quit</c>.
/// </summary>
public static class GoCrashDetector
{
    public static bool IsCrashStart(ReadOnlySpan<char> line) =>
        line.StartsWith("panic: ") || line.StartsWith("fatal error: ")
        || line.StartsWith("SIGQUIT: ") || line.StartsWith("SIGABRT: ") || line.StartsWith("SIGSEGV: ")
        || line.StartsWith("SIGBUS: ") || line.StartsWith("SIGILL: ") || line.StartsWith("SIGTRAP: ");
}
