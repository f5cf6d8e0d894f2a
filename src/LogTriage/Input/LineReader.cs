using System.Buffers;
using System.Text;
using LogTriage.Parsing;

namespace LogTriage.Input;

/// <summary>
/// Streams the lines of a byte stream: reads large blocks, finds line ends with a vectorised
/// search, decodes each line (UTF-8, invalid bytes replaced, CR of CRLF dropped) into a reused
/// buffer, and makes a string only of the lines the parser does not skip. Never holds more than
/// one block and one line; lines longer than <see cref="MaxLineLength"/> are cut and counted.
/// </summary>
public sealed class LineReader
{
    /// <summary>Lines longer than this are cut; the rest of the line is skipped, not kept in memory.</summary>
    public const int MaxLineLength = 64 * 1024;

    private const int BlockSize = 1 << 20;
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>Set once the format is known; consulted for every line read after that.</summary>
    public ILineSkipper? Skipper { get; set; }

    public static IEnumerable<InputLine> ReadLines(Stream stream, InputStatistics stats) => new LineReader().Read(stream, stats);

    public IEnumerable<InputLine> Read(Stream stream, InputStatistics stats)
    {
        var block = ArrayPool<byte>.Shared.Rent(BlockSize);
        var chars = ArrayPool<char>.Shared.Rent(MaxLineLength);
        try
        {
            int start = 0, end = 0;
            long number = 0;
            var skippingRest = false;
            var firstBlock = true;
            while (true)
            {
                var newline = block.AsSpan(start, end - start).IndexOf((byte)'\n');
                if (newline < 0)
                {
                    // Keep the partial line; make room and read more.
                    if (start > 0)
                    {
                        block.AsSpan(start, end - start).CopyTo(block);
                        end -= start;
                        start = 0;
                    }
                    if (end == block.Length)
                    {
                        // A line longer than a block: keep its head, skip the rest up to its end.
                        if (!skippingRest)
                        {
                            number++;
                            if (Line(block.AsSpan(0, end), chars, number, stats) is { } head)
                                yield return head;
                            skippingRest = true;
                        }
                        end = 0;
                    }
                    var read = stream.Read(block, end, block.Length - end);
                    if (read == 0)
                        break;
                    stats.Bytes += read;
                    if (firstBlock)
                    {
                        firstBlock = false;
                        if (read >= 3 && block[0] == 0xEF && block[1] == 0xBB && block[2] == 0xBF)
                            start = 3;
                    }
                    end += read;
                    continue;
                }

                var lineBytes = block.AsSpan(start, newline);
                start += newline + 1;
                if (skippingRest)
                {
                    skippingRest = false;
                    continue;
                }
                number++;
                if (Line(lineBytes, chars, number, stats) is { } line)
                    yield return line;
            }

            if (end > start && !skippingRest)
            {
                number++;
                if (Line(block.AsSpan(start, end - start), chars, number, stats) is { } last)
                    yield return last;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(block);
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <returns>The line, or null when the parser skipped it (it is still counted).</returns>
    // Runs for every line: compiled optimised at once rather than after tiering up mid-file.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private InputLine? Line(ReadOnlySpan<byte> bytes, char[] chars, long number, InputStatistics stats)
    {
        stats.Lines = number;
        if (bytes.Length > 0 && bytes[^1] == (byte)'\r')
            bytes = bytes[..^1];
        var maxBytes = Math.Min(bytes.Length, MaxLineLength);
        if (bytes.Length > MaxLineLength)
            stats.TruncatedLines++;
        var length = Utf8.GetChars(bytes[..maxBytes], chars);
        var text = chars.AsSpan(0, length);
        if (Skipper is { } skipper && skipper.TrySkip(text))
        {
            stats.Skipped++;
            return null;
        }
        return new InputLine(number, new string(text));
    }
}
