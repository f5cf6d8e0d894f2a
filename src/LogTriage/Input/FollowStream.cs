namespace LogTriage.Input;

/// <summary>
/// Reads a file and keeps reading as it grows, as <c>tail -F</c> does: at its end it waits for
/// more; when the file is truncated it starts again from the beginning; when it is replaced
/// (rotated: the path now names a file that begins differently, or a shorter one) it opens the
/// new file. It ends only when <see cref="Stop"/> is called.
/// </summary>
public sealed class FollowStream : ReadOnlyStream
{
    private const int IdentityLength = 256;

    private readonly string _path;
    private readonly TimeSpan _poll;
    private readonly CancellationToken _stop;
    private FileStream? _file;
    private byte[] _identity = [];

    public FollowStream(string path, TimeSpan poll, CancellationToken stop)
    {
        _path = path;
        _poll = poll;
        _stop = stop;
        Open();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        while (!_stop.IsCancellationRequested)
        {
            if (_file is not null)
            {
                var n = _file.Read(buffer);
                if (n > 0)
                {
                    RememberIdentity();
                    return n;
                }
                if (Rotated())
                {
                    Open();
                    continue;
                }
            }
            else if (File.Exists(_path))
            {
                Open();
                continue;
            }
            _stop.WaitHandle.WaitOne(_poll);
        }
        return 0;
    }

    private void Open()
    {
        _file?.Dispose();
        _file = null;
        _identity = [];
        try
        {
            _file = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16);
        }
        catch (FileNotFoundException)
        {
            // Between a rotation's rename and the new file's creation: try again at the next poll.
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    /// <summary>The first bytes of the file, once there are enough of them: what identifies it.</summary>
    private void RememberIdentity()
    {
        if (_identity.Length >= IdentityLength || _file is null)
            return;
        _identity = ReadHead(_file.Name, Math.Min(IdentityLength, (int)Math.Min(_file.Position, IdentityLength)));
    }

    private bool Rotated()
    {
        if (!File.Exists(_path))
            return false;
        var length = new FileInfo(_path).Length;
        if (_file is not null && length < _file.Position)
            return true;
        return _identity.Length > 0 && !ReadHead(_path, _identity.Length).AsSpan().SequenceEqual(_identity);
    }

    private static byte[] ReadHead(string path, int length)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var head = new byte[length];
            var read = file.Read(head);
            return head[..read];
        }
        catch (IOException)
        {
            return [];
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _file?.Dispose();
        base.Dispose(disposing);
    }
}
