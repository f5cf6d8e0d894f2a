using System.IO.Compression;

namespace LogTriage.Input;

/// <summary>Recognises gzip by its magic bytes, not by the file name, so piped or renamed archives work.</summary>
public static class Decompression
{
    public static Stream Unwrap(Stream raw)
    {
        var buffered = raw.CanSeek ? raw : new BufferedStream(raw, 1 << 16);
        Span<byte> magic = stackalloc byte[2];
        var read = ReadAtMost(buffered, magic);
        if (raw.CanSeek)
            raw.Seek(-read, SeekOrigin.Current);
        else
            buffered = new PrefixedStream(magic[..read].ToArray(), buffered);

        if (read != 2 || magic[0] != 0x1f || magic[1] != 0x8b)
            return buffered;
        var gzip = new GZipStream(buffered, CompressionMode.Decompress);
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
