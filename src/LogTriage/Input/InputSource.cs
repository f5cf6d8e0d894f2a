namespace LogTriage.Input;

/// <summary>Something to read a log from: a file or standard input. Opening it yields raw bytes.</summary>
public sealed record InputSource(string Name, Func<Stream> Open, long? Length)
{
    public const string StandardInputName = "-";

    /// <summary>Bytes of the (decompressed) input already read by an earlier scan: reading resumes after them.</summary>
    public long SkipBytes { get; init; }

    /// <summary>The number of the first line read (after <see cref="SkipBytes"/>), so evidence keeps the file's own line numbers.</summary>
    public long FirstLine { get; init; } = 1;

    /// <summary>Leave a last line without its line end for the next scan: the writer may be in the middle of it.</summary>
    public bool CompleteLinesOnly { get; init; }

    /// <summary>
    /// Lines that already carry their numbers, not necessarily consecutive: what a fleet's workers
    /// kept of an input (its signal lines), read instead of <see cref="Open"/>.
    /// </summary>
    public IReadOnlyList<InputLine>? NumberedLines { get; init; }

    /// <summary>An input made of numbered lines, evidence keeping the original file's line numbers.</summary>
    public static InputSource FromNumberedLines(string name, IReadOnlyList<InputLine> lines) =>
        new(name, () => Stream.Null, lines.Sum(l => (long)System.Text.Encoding.UTF8.GetByteCount(l.Text) + 1)) { NumberedLines = lines };

    /// <summary>
    /// The input's lines as the analysis reads them (gzip undone, text checked), for a consumer
    /// that carries lines elsewhere instead of analysing them (the fleet's shipper).
    /// </summary>
    public IEnumerable<InputLine> ReadLines(InputStatistics stats)
    {
        using var stream = OpenText();
        foreach (var line in new LineReader().Read(stream, stats, FirstLine, CompleteLinesOnly))
            yield return line;
    }

    /// <summary>
    /// The input's text as UTF-8: gzip undone, UTF-16 transcoded, checked for binary, from
    /// <see cref="SkipBytes"/> (counted in UTF-8, as the reader counts what it consumed) on.
    /// </summary>
    internal Stream OpenText() => BinaryDetector.EnsureText(SkipRead(Utf16Transcoding.ToUtf8(Decompression.Unwrap(Open())), SkipBytes));

    /// <summary>Resumes where an earlier scan stopped: seeks a file, reads past the start of a compressed one.</summary>
    private static Stream SkipRead(Stream stream, long bytes)
    {
        if (bytes <= 0)
            return stream;
        if (stream.CanSeek)
        {
            stream.Seek(bytes, SeekOrigin.Begin);
            return stream;
        }
        var buffer = new byte[1 << 16];
        for (var left = bytes; left > 0;)
        {
            var n = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
            if (n == 0)
                break;
            left -= n;
        }
        return stream;
    }


    public static InputSource FromFile(string path) =>
        new(path, () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16), new FileInfo(path).Length);

    public static InputSource FromStandardInput(Func<Stream> open) => new(StandardInputName, open, null);

    /// <summary>An in-memory input, for examples and tests.</summary>
    public static InputSource FromText(string name, string text) =>
        new(name, () => new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), System.Text.Encoding.UTF8.GetByteCount(text));
}
