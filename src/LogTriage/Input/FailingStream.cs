using System.Runtime.ExceptionServices;

namespace LogTriage.Input;

/// <summary>Replays a read error that happened while bytes were read ahead, when the reader gets there.</summary>
internal sealed class FailingStream(Exception error, Stream inner) : ReadOnlyStream
{
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        ExceptionDispatchInfo.Capture(error).Throw();
        return 0;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            inner.Dispose();
        base.Dispose(disposing);
    }
}
