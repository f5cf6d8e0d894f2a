using System.Text;

namespace LogTriage.Input;

/// <summary>
/// Windows writes logs in UTF-16 more often than one would think: PowerShell 5's <c>&gt;</c> and
/// <c>Out-File</c>, a service wrapper's capture, an exported event log. The line reader and the
/// parsers work on UTF-8 bytes, so such an input is transcoded as it is read. It is recognised by
/// its byte order mark, or without one by the NUL byte every ASCII character carries in UTF-16.
/// </summary>
internal static class Utf16Transcoding
{
    public static Stream ToUtf8(Stream raw)
    {
        Span<byte> head = stackalloc byte[4];
        var stream = StreamPeek.Peek(raw, head, out var read);
        var encoding = Detect(head[..read], out var bomLength);
        if (encoding is null)
            return stream;
        Span<byte> bom = stackalloc byte[bomLength];
        stream.ReadExactly(bom);
        return Encoding.CreateTranscodingStream(stream, encoding, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: false);
    }

    private static Encoding? Detect(ReadOnlySpan<byte> head, out int bomLength)
    {
        bomLength = 0;
        if (head.Length < 2)
            return null;
        if (head[0] == 0xFF && head[1] == 0xFE && !(head.Length == 4 && head[2] == 0 && head[3] == 0))   // not UTF-32's FF FE 00 00
        {
            bomLength = 2;
            return Encoding.Unicode;
        }
        if (head[0] == 0xFE && head[1] == 0xFF)
        {
            bomLength = 2;
            return Encoding.BigEndianUnicode;
        }
        if (head.Length < 4)
            return null;
        if (IsAscii(head[0]) && head[1] == 0 && IsAscii(head[2]) && head[3] == 0)
            return Encoding.Unicode;
        if (head[0] == 0 && IsAscii(head[1]) && head[2] == 0 && IsAscii(head[3]))
            return Encoding.BigEndianUnicode;
        return null;
    }

    private static bool IsAscii(byte b) => b is >= 0x20 and < 0x7F or (byte)'\t' or (byte)'\r' or (byte)'\n';
}
