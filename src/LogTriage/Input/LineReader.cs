using System.Text;

namespace LogTriage.Input;

/// <summary>
/// Streams the lines of a byte stream as text: UTF-8 (invalid bytes replaced), LF or CRLF ends,
/// counting bytes and lines as it goes. Never holds more than one line and one buffer.
/// </summary>
public static class LineReader
{
    /// <summary>Lines longer than this are cut; the rest of the line is skipped, not kept in memory.</summary>
    public const int MaxLineLength = 64 * 1024;

    public static IEnumerable<Parsing.InputLine> ReadLines(Stream stream, InputStatistics stats)
    {
        var counting = new CountingStream(stream);
        using var reader = new StreamReader(counting, new UTF8Encoding(false, false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var buffer = new char[MaxLineLength];
        long number = 0;
        while (true)
        {
            var length = ReadLine(reader, buffer, out var endOfInput, out var truncated);
            if (length < 0)
                break;
            if (truncated)
                stats.TruncatedLines++;
            number++;
            stats.Lines = number;
            stats.Bytes = counting.BytesRead;
            yield return new Parsing.InputLine(number, new string(buffer, 0, length));
            if (endOfInput)
                break;
        }
        stats.Bytes = counting.BytesRead;
    }

    /// <returns>The line length, or -1 at the end of input with nothing read.</returns>
    private static int ReadLine(StreamReader reader, char[] buffer, out bool endOfInput, out bool truncated)
    {
        endOfInput = false;
        truncated = false;
        var length = 0;
        var any = false;
        while (true)
        {
            var c = reader.Read();
            if (c < 0)
            {
                endOfInput = true;
                return any ? TrimCarriageReturn(buffer, length) : -1;
            }
            any = true;
            if (c == '\n')
                return TrimCarriageReturn(buffer, length);
            if (length < buffer.Length)
                buffer[length++] = (char)c;
            else
                truncated = true;
        }
    }

    private static int TrimCarriageReturn(char[] buffer, int length) =>
        length > 0 && buffer[length - 1] == '\r' ? length - 1 : length;

    private sealed class CountingStream(Stream inner) : ReadOnlyStream
    {
        public long BytesRead { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            BytesRead += n;
            return n;
        }

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer);
            BytesRead += n;
            return n;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
