namespace LogTriage.Parsing;

/// <summary>
/// Recognises a Go runtime crash, which the runtime writes to stderr without any logger prefix:
/// a first line (<c>panic: ...</c>, <c>fatal error: ...</c>, <c>SIGQUIT: quit</c>) and the
/// goroutine dump after it. Callers hand it a line's body: platform prefixes and indentation
/// already peeled (see <see cref="LinePrefixShape"/>).
/// </summary>
internal static class GoCrashDetector
{
    // Go before 1.8 prints the panic call itself as the first frame: "panic(0x7e66e0, 0xc42000c080)".
    private static readonly string[] ContinuationStarts =
    [
        "[signal ", "goroutine ", "created by ", "runtime stack:", "panic: ", "fatal error: ", "[recovered]",
        "[originating from goroutine ", "unexpected fault address ", "exit status ", "PC=", "signal arrived during",
        "rax ", "rbx ", "rcx ", "rdx ", "rdi ", "rsi ", "rbp ", "rsp ",
        "r8 ", "r9 ", "r10 ", "r11 ", "r12 ", "r13 ", "r14 ", "r15 ", "rip ", "rflags ", "cs ", "fs ", "gs ",
        "...additional frames elided...", "main.main(", "panic(", "runtime.", "github.com/", "golang.org/", "sync.", "net.", "internal/",
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
        line = line.TrimEnd();
        foreach (var start in ContinuationStarts)
            if (line.StartsWith(start))
                return true;
        return IsFunctionFrame(line) || IsFileFrame(line);
    }

    /// <summary>
    /// Whether a line's body, with as many blanks before it as <paramref name="indentation"/>, belongs to
    /// a dump whose first line had <paramref name="crashIndentation"/>: anything indented deeper does
    /// (the runtime indents a frame's place, and a panic's value may run over indented lines).
    /// </summary>
    public static bool IsContinuation(ReadOnlySpan<char> body, int indentation, int crashIndentation) =>
        indentation > crashIndentation || IsContinuation(body);

    /// <summary>A stack frame's function: a qualified name with its arguments, <c>pkg.(*T).Method(0xc000, ...)</c>.</summary>
    private static bool IsFunctionFrame(ReadOnlySpan<char> line)
    {
        var paren = line.IndexOf('(');
        return paren > 0 && line[^1] == ')' && !line[..paren].Contains(' ') && line[..paren].Contains('.');
    }

    /// <summary>
    /// A stack frame's place, <c>/path/server/stream.go:5123 +0x2a</c>: the runtime indents it with a
    /// tab, which is gone once a line's indentation is peeled with its prefix.
    /// </summary>
    private static bool IsFileFrame(ReadOnlySpan<char> line)
    {
        var end = line.IndexOf(' ');
        var place = end < 0 ? line : line[..end];
        var colon = place.LastIndexOf(':');
        if (colon < 3 || colon == place.Length - 1 || place[(colon + 1)..].ContainsAnyExceptInRange('0', '9'))
            return false;
        var file = place[..colon];
        return file.EndsWith(".go") || file.EndsWith(".s") || file.EndsWith(".c");
    }

    /// <summary>A dump with frames of nats-server itself was written by the server, wherever it was captured.</summary>
    public static bool MentionsServer(string text) => text.Contains("nats-io/nats-server", StringComparison.Ordinal);

    /// <summary>
    /// A dump whose goroutine stacks show code and none of it a NATS server's (nats-server, gnatsd,
    /// nats-streaming-server): another Go program crashed, even amid a server's lines.
    /// </summary>
    public static bool ShowsOnlyOtherCode(string text) =>
        text.Contains(" [running]:", StringComparison.Ordinal) && !ServerCode.Any(code => text.Contains(code, StringComparison.Ordinal));

    private static readonly string[] ServerCode = ["nats-io/nats-server", "nats-io/gnatsd", "nats-streaming-server"];
}
