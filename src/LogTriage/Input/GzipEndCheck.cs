using System.Buffers.Binary;

namespace LogTriage.Input;

/// <summary>
/// .NET's GZipStream ends quietly on a truncated archive. For a file, the gzip trailer's ISIZE
/// (uncompressed length mod 2^32) tells whether all of it was read; a mismatch is reported as a
/// read error, so the report says the input was cut. A file of several gzip members (rare for
/// rotated logs) is checked against its last member only, so it is not checked at all.
/// </summary>
internal sealed class GzipEndCheck(Stream decompressed, Stream file) : ReadOnlyStream
{
    private long _total;
    private bool _checked;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = decompressed.Read(buffer);
        _total += n;
        if (n == 0 && buffer.Length > 0 && !_checked)
        {
            _checked = true;
            Check();
        }
        return n;
    }

    private void Check()
    {
        if (!file.CanSeek || file.Length < 18)
            return;
        Span<byte> trailer = stackalloc byte[4];
        file.Seek(-4, SeekOrigin.End);
        file.ReadExactly(trailer);
        var expected = BinaryPrimitives.ReadUInt32LittleEndian(trailer);
        if (expected != (uint)_total && !HoldsSeveralMembers())
            throw new InvalidDataException($"the gzip data ends early, after {_total:N0} bytes of log text: the file is truncated (what was read is analysed)");
    }

    /// <summary>A second gzip header after the first member means concatenated members; ISIZE then speaks of the last one only.</summary>
    private bool HoldsSeveralMembers()
    {
        file.Seek(2, SeekOrigin.Begin);
        var buffer = new byte[64 * 1024];
        var previous = -1;
        int n;
        while ((n = file.Read(buffer)) > 0)
        {
            for (var i = 0; i < n; i++)
            {
                if (previous == 0x1f && buffer[i] == 0x8b && i + 1 < n && buffer[i + 1] == 0x08)
                    return true;
                previous = buffer[i];
            }
        }
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            decompressed.Dispose();
        base.Dispose(disposing);
    }
}
