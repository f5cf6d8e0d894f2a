using System.Buffers;
using System.Text;
using LogTriage.Parsing;

namespace LogTriage.Input;

/// <summary>
/// Streams the lines of a byte stream. Reads large blocks, finds line ends with a vectorised
/// search, and, once the parser can skip lines, tests the lines of each block on both cores
/// (decoding each into a reused buffer); only the lines the parser keeps become strings, in
/// order. UTF-8 with invalid bytes replaced, CR of CRLF dropped, a BOM ignored. Memory is one
/// block and its line table; lines longer than <see cref="MaxLineLength"/> are cut and counted.
/// </summary>
internal sealed class LineReader
{
    /// <summary>Lines longer than this are cut; the rest of the line is skipped, not kept in memory.</summary>
    public const int MaxLineLength = 64 * 1024;

    private const int BlockSize = 1 << 20;

    /// <summary>Below this many lines a block is tested on one core: starting the second costs more.</summary>
    private const int ParallelThreshold = 512;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>Set once the format is known; consulted for every line read after that.</summary>
    public ILineSkipper? Skipper { get; set; }

    /// <summary>
    /// True when the last line handed out was the last of what the input had delivered so far:
    /// asking for another may wait (a pipe, a followed file).
    /// </summary>
    public bool AtEndOfAvailable { get; private set; }

    public static IEnumerable<InputLine> ReadLines(Stream stream, InputStatistics stats) => new LineReader().Read(stream, stats);

    /// <param name="firstLine">The number the first line read gets.</param>
    /// <param name="completeLinesOnly">Leave a last line without its line end unread.</param>
    public IEnumerable<InputLine> Read(Stream stream, InputStatistics stats, long firstLine = 1, bool completeLinesOnly = false)
    {
        var block = ArrayPool<byte>.Shared.Rent(BlockSize);
        var chars = ArrayPool<char>.Shared.Rent(MaxLineLength);
        var lines = new List<(int Start, int Length)>(8192);
        var table = new LineTable();
        try
        {
            int start = 0, end = 0;
            long number = firstLine - 1;
            long blockOffset = 0;
            var skippingRest = false;
            var firstRead = true;
            var endOfInput = false;
            System.Runtime.ExceptionServices.ExceptionDispatchInfo? readError = null;
            while (!endOfInput)
            {
                // Refill: keep the partial line at the front, read until the block is full or the input ends.
                if (start > 0)
                {
                    block.AsSpan(start, end - start).CopyTo(block);
                    end -= start;
                    blockOffset += start;
                    start = 0;
                }
                // One read: a pipe delivers what it has, and what it has is processed at once.
                if (end < block.Length)
                {
                    int read;
                    try
                    {
                        read = stream.Read(block, end, block.Length - end);
                    }
                    catch (Exception e) when (e is IOException or InvalidDataException)
                    {
                        // What was read before the error is still handed out; the error comes after it.
                        readError = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e);
                        read = 0;
                    }
                    if (read == 0)
                        endOfInput = true;
                    stats.Bytes += read;
                    if (firstRead && read >= 3 && block[0] == 0xEF && block[1] == 0xBB && block[2] == 0xBF)
                        start = 3;
                    firstRead = firstRead && read == 0;
                    end += read;
                }

                lines.Clear();
                var pos = start;
                while (pos < end)
                {
                    var newline = block.AsSpan(pos, end - pos).IndexOf((byte)'\n');
                    if (newline < 0)
                        break;
                    lines.Add((pos, newline));
                    pos += newline + 1;
                }
                if (endOfInput && pos < end && !completeLinesOnly)
                {
                    lines.Add((pos, end - pos));
                    pos = end;
                }

                if (lines.Count == 0 && end - start == block.Length)
                {
                    // A line longer than a block: keep its head, skip the rest up to its end.
                    if (!skippingRest)
                    {
                        number++;
                        stats.Lines = number - firstLine + 1;
                        if (Keep(block.AsSpan(start, end - start), chars, number, stats) is { } head)
                            yield return head;
                        skippingRest = true;
                    }
                    blockOffset += end - start;
                    start = end;
                    continue;
                }

                table.Reset(lines.Count);
                // The run of lines skipped since the parser last heard of it: [runStart, runEnd].
                int runStart = 0, runEnd = -1;
                for (var i = 0; i < lines.Count; i++)
                {
                    var (lineStart, length) = lines[i];
                    if (skippingRest)
                    {
                        // The tail of a cut line.
                        skippingRest = false;
                        continue;
                    }
                    number++;
                    stats.Lines = number - firstLine + 1;
                    var skipper = Skipper;
                    if (skipper is not null)
                    {
                        if (!table.Tested)
                            table.Test(block, lines, i, skipper);
                        if (table.Skippable[i] && skipper.CanSkipNow)
                        {
                            stats.Skipped++;
                            if (runEnd < 0)
                                runStart = i;
                            runEnd = i;
                            continue;
                        }
                    }
                    if (runEnd >= 0)
                    {
                        TellSkipped(block, lines, runStart, runEnd, chars);
                        runEnd = -1;
                    }
                    AtEndOfAvailable = i == lines.Count - 1;
                    if (Keep(block.AsSpan(lineStart, length), chars, number, stats) is { } line)
                        yield return line;
                }
                if (runEnd >= 0)
                    TellSkipped(block, lines, runStart, runEnd, chars);
                start = pos;
                stats.ConsumedBytes = blockOffset + pos;
            }
            readError?.Throw();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(block);
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>
    /// Tells the parser of a run of skipped lines, with the time of the last of them that has one:
    /// only that time is worked out, never those of the lines before it.
    /// </summary>
    private void TellSkipped(byte[] block, List<(int Start, int Length)> lines, int runStart, int runEnd, char[] chars)
    {
        var skipper = Skipper!;
        DateTimeOffset? time = null;
        for (var j = runEnd; j >= runStart && time is null; j--)
        {
            var (start, length) = lines[j];
            time = skipper.TimeOf(chars.AsSpan(0, Decode(block.AsSpan(start, length), chars)));
        }
        skipper.Skipped(time);
    }

    /// <summary>Decodes a kept line into its string.</summary>
    private static InputLine? Keep(ReadOnlySpan<byte> bytes, char[] chars, long number, InputStatistics stats)
    {
        if (bytes.Length > MaxLineLength)
            stats.TruncatedLines++;
        var length = Decode(bytes, chars);
        return new InputLine(number, new string(chars, 0, length));
    }

    // Runs for every line: compiled optimised at once rather than after tiering up mid-file.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static int Decode(ReadOnlySpan<byte> bytes, Span<char> chars)
    {
        if (bytes.Length > 0 && bytes[^1] == (byte)'\r')
            bytes = bytes[..^1];
        return Utf8.GetChars(bytes[..Math.Min(bytes.Length, MaxLineLength)], chars);
    }

    /// <summary>Which lines of a block the parser could skip; tested in parallel halves.</summary>
    private sealed class LineTable
    {
        public bool[] Skippable = new bool[8192];
        public bool Tested;

        public void Reset(int count)
        {
            if (Skippable.Length < count)
            {
                Skippable = new bool[count];
            }
            Tested = false;
        }

        public void Test(byte[] block, List<(int Start, int Length)> lines, int from, ILineSkipper skipper)
        {
            Tested = true;
            var count = lines.Count - from;
            if (count < ParallelThreshold)
            {
                TestRange(block, lines, from, lines.Count, skipper);
                return;
            }
            var middle = from + count / 2;
            Parallel.Invoke(
                () => TestRange(block, lines, from, middle, skipper),
                () => TestRange(block, lines, middle, lines.Count, skipper));
        }

        private void TestRange(byte[] block, List<(int Start, int Length)> lines, int from, int to, ILineSkipper skipper)
        {
            var chars = ArrayPool<char>.Shared.Rent(MaxLineLength);
            try
            {
                for (var i = from; i < to; i++)
                {
                    var (start, length) = lines[i];
                    var decoded = Decode(block.AsSpan(start, length), chars);
                    Skippable[i] = skipper.IsSkippable(chars.AsSpan(0, decoded));
                }
            }
            finally
            {
                ArrayPool<char>.Shared.Return(chars);
            }
        }
    }
}
