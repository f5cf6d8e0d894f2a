using System.IO.Compression;

namespace LogTriage.Input;

/// <summary>Recognises gzip by its magic bytes, not by the file name, so piped or renamed archives work.</summary>
internal static class Decompression
{
    public static Stream Unwrap(Stream raw)
    {
        Span<byte> magic = stackalloc byte[2];
        var read = ReadAtMost(raw, magic);
        // A pipe cannot seek back: the bytes read are handed out again before the rest. (No
        // BufferedStream here: a large read through it waits for more than a live pipe has.)
        Stream stream;
        if (raw.CanSeek)
        {
            raw.Seek(-read, SeekOrigin.Current);
            stream = raw;
        }
        else
        {
            stream = new PrefixedStream(magic[..read].ToArray(), raw);
        }

        if (read != 2 || magic[0] != 0x1f || magic[1] != 0x8b)
            return stream;
        var gzip = new GZipStream(stream, CompressionMode.Decompress);
        return raw.CanSeek ? new GzipEndCheck(gzip, raw) : gzip;
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
