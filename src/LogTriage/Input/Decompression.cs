using System.IO.Compression;

namespace LogTriage.Input;

/// <summary>Recognises gzip by its magic bytes, not by the file name, so piped or renamed archives work.</summary>
internal static class Decompression
{
    public static Stream Unwrap(Stream raw)
    {
        Span<byte> magic = stackalloc byte[2];
        var stream = StreamPeek.Peek(raw, magic, out var read);
        if (read != 2 || magic[0] != 0x1f || magic[1] != 0x8b)
            return stream;
        var gzip = new GZipStream(stream, CompressionMode.Decompress);
        return raw.CanSeek ? new GzipEndCheck(gzip, raw) : gzip;
    }
}
