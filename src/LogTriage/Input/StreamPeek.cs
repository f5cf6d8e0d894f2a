namespace LogTriage.Input;

/// <summary>
/// Reads the first bytes of a stream to tell what it holds, and gives back a stream that still
/// yields them: a file is seeked back, a pipe (which cannot seek) gets them handed out again
/// before the rest. No BufferedStream here: a large read through it waits for more than a live
/// pipe has.
/// </summary>
internal static class StreamPeek
{
    public static Stream Peek(Stream raw, Span<byte> head, out int read)
    {
        read = ReadAtMost(raw, head);
        if (raw.CanSeek)
        {
            raw.Seek(-read, SeekOrigin.Current);
            return raw;
        }
        return new PrefixedStream(head[..read].ToArray(), raw);
    }

    private static int ReadAtMost(Stream s, Span<byte> buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var n = s.Read(buffer[total..]);
            if (n == 0)
                break;
            total += n;
        }
        return total;
    }
}
