namespace LogTriage.Parsing;

/// <summary>
/// Recognises a Go runtime crash, which the runtime writes to stderr without any logger prefix:
/// a first line (<c>panic: ...</c>, <c>fatal error: ...</c>, <c>SIGQUIT: quit</c>) and the
/// goroutine dump after it.
/// </summary>
internal static class GoCrashDetector
{
    private static readonly string[] ContinuationStarts =
    [
        "[signal ", "goroutine ", "created by ", "runtime stack:", "panic: ", "fatal error: ", "[recovered]",
        "exit status ", "PC=", "signal arrived during", "rax ", "rbx ", "rcx ", "rdx ", "rdi ", "rsi ", "rbp ", "rsp ",
        "r8 ", "r9 ", "r10 ", "r11 ", "r12 ", "r13 ", "r14 ", "r15 ", "rip ", "rflags ", "cs ", "fs ", "gs ",
        "...additional frames elided...", "main.main(", "runtime.", "github.com/", "golang.org/", "sync.", "net.", "internal/",
    ];

    public static bool IsCrashStart(ReadOnlySpan<char> line) =>
        line.StartsWith("panic: ") || line.StartsWith("fatal error: ")
        || line.StartsWith("SIGQUIT: ") || line.StartsWith("SIGABRT: ") || line.StartsWith("SIGSEGV: ")
        || line.StartsWith("SIGBUS: ") || line.StartsWith("SIGILL: ") || line.StartsWith("SIGTRAP: ");

    /// <summary>Whether a line of free text can belong to a crash dump that has begun.</summary>
    public static bool IsContinuation(ReadOnlySpan<char> line)
    {
        if (line.IsEmpty || line[0] == '\t' || line[0] == ' ')
            return true;
        foreach (var start in ContinuationStarts)
            if (line.StartsWith(start))
                return true;
        // A stack frame: a qualified function name with its arguments, "pkg.(*T).Method(0xc000, ...)".
        var paren = line.IndexOf('(');
        return paren > 0 && line[^1] == ')' && !line[..paren].Contains(' ') && line[..paren].Contains('.');
    }

    /// <summary>A dump with frames of nats-server itself was written by the server, wherever it was captured.</summary>
    public static bool MentionsServer(string text) => text.Contains("nats-io/nats-server", StringComparison.Ordinal);
}
