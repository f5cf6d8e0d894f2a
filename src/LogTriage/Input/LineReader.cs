using System.Buffers;
using System.Text;

namespace LogTriage.Input;

/// <summary>
/// Streams the lines of a byte stream. Reads large blocks of whole lines, finds line ends with a
/// vectorised search, and, once the parser can skip lines, tests the lines of each block on every
/// core (decoding each into a reused buffer); only the lines the parser keeps become strings, in
/// order. UTF-8 with invalid bytes replaced, CR of CRLF dropped, a BOM ignored. Memory is a few
/// blocks and their line tables; lines longer than <see cref="MaxLineLength"/> are cut and counted.
/// </summary>
internal sealed class LineReader
{
    /// <summary>Lines longer than this are cut; the rest of the line is skipped, not kept in memory.</summary>
    public const int MaxLineLength = 64 * 1024;

    private const int BlockSize = 1 << 20;

    /// <summary>Below this many lines a block is tested on one core: starting the second costs more.</summary>
    private const int ParallelThreshold = 512;

    /// <summary>
    /// Blocks read, split and tested ahead of the one being handed out, when reading ahead: one
    /// per core, so the parser never waits while both cores test.
    /// </summary>
    private const int BlocksAhead = 2;

    /// <summary>Inputs this long or longer are read ahead: below, a block or two, starting other cores costs more than it saves.</summary>
    public const long ReadAheadFrom = 4 * BlockSize;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>Set once the format is known; consulted for every line read after that.</summary>
    public ILineSkipper? Skipper { get; set; }

    /// <summary>
    /// Read and test blocks ahead of the parser, each on a core of its own: for an input that ends
    /// by itself (a file). A pipe or a followed file is read a block at a time, so that every line
    /// is handed out as soon as it came, and its blocks are tested in halves on both cores.
    /// </summary>
    public bool ReadAhead { get; init; }

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
        var chars = ArrayPool<char>.Shared.Rent(MaxLineLength);
        var blocks = new BlockSource(stream, stats, completeLinesOnly);
        var queue = new Queue<LineBlock>();
        try
        {
            long number = firstLine - 1;
            var skippingRest = false;
            while (true)
            {
                while (queue.Count <= (ReadAhead ? BlocksAhead : 0) && blocks.Next() is { } next)
                {
                    if (ReadAhead)
                        next.PrepareInBackground(Skipper?.Snapshot());
                    else
                        next.Prepare(null);
                    queue.Enqueue(next);
                }
                if (!queue.TryDequeue(out var block))
                    break;
                block.WaitPrepared();

                if (block.IsLongLine)
                {
                    // A line longer than a block: keep its head, skip the rest up to its end.
                    if (!skippingRest)
                    {
                        number++;
                        stats.Lines = number - firstLine + 1;
                        yield return Keep(block.Buffer.AsSpan(block.Start, block.End - block.Start), chars, number, stats);
                        skippingRest = true;
                    }
                    stats.ConsumedBytes = block.EndOffset;
                    blocks.Recycle(block);
                    continue;
                }

                var lines = block.Lines;
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
                        if (!block.Tested)
                            block.Test(i, skipper.Snapshot());
                        if (block.Skippable[i] && skipper.CanSkipNow)
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
                        TellSkipped(block, runStart, runEnd, chars);
                        runEnd = -1;
                    }
                    AtEndOfAvailable = i == lines.Count - 1;
                    yield return Keep(block.Buffer.AsSpan(lineStart, length), chars, number, stats);
                }
                if (runEnd >= 0)
                    TellSkipped(block, runStart, runEnd, chars);
                stats.ConsumedBytes = block.EndOffset;
                blocks.Recycle(block);
            }
            blocks.ThrowReadError();
        }
        finally
        {
            // Blocks still being tested hold their buffers until their work is done.
            foreach (var block in queue)
                block.WaitPrepared(quietly: true);
            blocks.Dispose();
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>
    /// Tells the parser of a run of skipped lines, with the time of the last of them that has one:
    /// only that time is worked out, never those of the lines before it.
    /// </summary>
    private void TellSkipped(LineBlock block, int runStart, int runEnd, char[] chars)
    {
        var skipper = Skipper!;
        DateTimeOffset? time = null;
        for (var j = runEnd; j >= runStart && time is null; j--)
        {
            var (start, length) = block.Lines[j];
            time = skipper.TimeOf(chars.AsSpan(0, Decode(block.Buffer.AsSpan(start, length), chars)));
        }
        skipper.Skipped(time);
    }

    /// <summary>Decodes a kept line into its string.</summary>
    private static InputLine Keep(ReadOnlySpan<byte> bytes, char[] chars, long number, InputStatistics stats)
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

    /// <summary>
    /// Cuts a stream into blocks of whole lines, in order: each read is one call (a pipe delivers
    /// what it has), and the partial line at a block's end starts the next block.
    /// </summary>
    private sealed class BlockSource(Stream stream, InputStatistics stats, bool completeLinesOnly) : IDisposable
    {
        private readonly Stack<LineBlock> _free = new();
        private readonly List<LineBlock> _made = [];
        private LineBlock? _carry;
        private int _carryStart, _carryLength;
        private long _offset;
        private bool _firstRead = true;
        private bool _endOfInput;
        private System.Runtime.ExceptionServices.ExceptionDispatchInfo? _readError;

        public LineBlock? Next()
        {
            if (_endOfInput)
                return null;
            var block = _free.Count > 0 ? _free.Pop() : Made(new LineBlock());
            var buffer = block.Buffer;
            var end = 0;
            if (_carry is not null)
            {
                _carry.Buffer.AsSpan(_carryStart, _carryLength).CopyTo(buffer);
                end = _carryLength;
                if (_carry.Recycled)
                    _free.Push(_carry);
                _carry = null;
            }
            var baseOffset = _offset;

            int read;
            try
            {
                read = stream.Read(buffer, end, buffer.Length - end);
            }
            catch (Exception e) when (e is IOException or InvalidDataException)
            {
                // What was read before the error is still handed out; the error comes after it.
                _readError = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e);
                read = 0;
            }
            if (read == 0)
                _endOfInput = true;
            stats.Bytes += read;
            var start = 0;
            if (_firstRead && read >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF)
                start = 3;
            _firstRead = _firstRead && read == 0;
            end += read;

            var lastNewline = buffer.AsSpan(start, end - start).LastIndexOf((byte)'\n');
            var complete = lastNewline >= 0 ? start + lastNewline + 1 : start;
            if (_endOfInput && !completeLinesOnly)
                complete = end;
            var longLine = lastNewline < 0 && end == buffer.Length;
            if (longLine)
                complete = end;
            else if (complete < end)
            {
                // The partial line waits for the rest of it in the next block; the block being
                // tested never reads past its complete lines, so this part may be copied any time.
                _carry = block;
                _carryStart = complete;
                _carryLength = end - complete;
            }
            _offset = baseOffset + complete;
            block.Reset(start, complete, _offset, longLine);
            return block;
        }

        private LineBlock Made(LineBlock block)
        {
            _made.Add(block);
            return block;
        }

        /// <summary>Takes back a block whose lines are handed out; one whose partial line is still to be copied is reused after that.</summary>
        public void Recycle(LineBlock block)
        {
            block.Recycled = true;
            if (!ReferenceEquals(block, _carry))
                _free.Push(block);
        }

        public void ThrowReadError() => _readError?.Throw();

        /// <summary>Returns every block's buffer; no block may be in use or being tested.</summary>
        public void Dispose()
        {
            foreach (var block in _made)
                block.Dispose();
            _made.Clear();
            _free.Clear();
        }
    }

    /// <summary>One block of whole lines: its bytes, where its lines are, and which of them can be skipped.</summary>
    private sealed class LineBlock : IDisposable
    {
        private Task? _prepared;

        public byte[] Buffer { get; } = ArrayPool<byte>.Shared.Rent(BlockSize);
        public int Start { get; private set; }
        public int End { get; private set; }

        /// <summary>Where in the input this block's last complete line ends.</summary>
        public long EndOffset { get; private set; }

        /// <summary>No line end in a whole block: the head of a line longer than a block.</summary>
        public bool IsLongLine { get; private set; }
        public List<(int Start, int Length)> Lines { get; } = new(8192);
        public bool[] Skippable { get; private set; } = new bool[8192];
        public bool Tested { get; private set; }

        /// <summary>Its lines are handed out: the block may be read into again.</summary>
        public bool Recycled { get; set; }

        public void Reset(int start, int end, long endOffset, bool longLine)
        {
            Start = start;
            End = end;
            EndOffset = endOffset;
            IsLongLine = longLine;
            Tested = false;
            Recycled = false;
            Lines.Clear();
            _prepared = null;
        }

        /// <summary>Finds the lines, and tests them all if a test is given.</summary>
        public void Prepare(ILineTest? test)
        {
            if (IsLongLine)
                return;
            var span = Buffer.AsSpan(0, End);
            var pos = Start;
            while (pos < End)
            {
                var newline = span[pos..].IndexOf((byte)'\n');
                var length = newline < 0 ? End - pos : newline;
                Lines.Add((pos, length));
                pos += length + 1;
            }
            if (Skippable.Length < Lines.Count)
                Skippable = new bool[Lines.Count];
            if (test is not null)
            {
                TestRange(0, Lines.Count, test);
                Tested = true;
            }
        }

        public void PrepareInBackground(ILineTest? test) => _prepared = Task.Run(() => Prepare(test));

        public void WaitPrepared(bool quietly = false)
        {
            if (_prepared is null)
                return;
            try
            {
                _prepared.GetAwaiter().GetResult();
            }
            catch when (quietly)
            {
                // The reading was abandoned; only the end of the work matters.
            }
        }

        /// <summary>Tests the lines from <paramref name="from"/> on, in halves on both cores when there are enough.</summary>
        public void Test(int from, ILineTest test)
        {
            Tested = true;
            var count = Lines.Count - from;
            if (count < ParallelThreshold)
            {
                TestRange(from, Lines.Count, test);
                return;
            }
            var middle = from + count / 2;
            Parallel.Invoke(
                () => TestRange(from, middle, test),
                () => TestRange(middle, Lines.Count, test));
        }

        private void TestRange(int from, int to, ILineTest test)
        {
            var chars = ArrayPool<char>.Shared.Rent(MaxLineLength);
            try
            {
                for (var i = from; i < to; i++)
                {
                    var (start, length) = Lines[i];
                    var decoded = Decode(Buffer.AsSpan(start, length), chars);
                    Skippable[i] = test.IsSkippable(chars.AsSpan(0, decoded));
                }
            }
            finally
            {
                ArrayPool<char>.Shared.Return(chars);
            }
        }

        public void Dispose() => ArrayPool<byte>.Shared.Return(Buffer);
    }
}
