using System.Security.Cryptography;

namespace LogTriage.Input.Scanning;

/// <summary>
/// What makes a log file the same file across runs, whatever its name: its device and inode
/// (a rotation renames the file but keeps them), and a hash of its first line (a new file that
/// reuses an inode begins differently). Either missing, the other decides.
/// </summary>
public sealed record FileIdentity(ulong Device, ulong Inode, string FirstLineHash)
{
    private const int HeadLength = 4096;

    public static FileIdentity Of(string path)
    {
        var (device, inode) = DeviceAndInode(path);
        return new FileIdentity(device, inode, HashFirstLine(path));
    }

    public bool SameFileAs(FileIdentity other)
    {
        var sameInode = Inode != 0 && other.Inode != 0 && Device == other.Device && Inode == other.Inode;
        var sameHead = FirstLineHash.Length > 0 && FirstLineHash == other.FirstLineHash;
        if (Inode == 0 || other.Inode == 0)
            return sameHead;
        // An empty file has no first line yet: the inode alone decides until it has one.
        return sameInode && (sameHead || FirstLineHash.Length == 0 || other.FirstLineHash.Length == 0);
    }

    /// <summary>The first line (of the decompressed text for .gz), hashed; empty when there is no complete first line yet.</summary>
    private static string HashFirstLine(string path)
    {
        try
        {
            using var stream = Decompression.Unwrap(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
            var head = new byte[HeadLength];
            var read = 0;
            while (read < head.Length)
            {
                var n = stream.Read(head, read, head.Length - read);
                if (n == 0)
                    break;
                read += n;
            }
            var newline = Array.IndexOf(head, (byte)'\n', 0, read);
            var line = newline >= 0 ? head.AsSpan(0, newline) : read == head.Length ? head.AsSpan() : [];
            return line.IsEmpty ? "" : Convert.ToHexString(SHA256.HashData(line))[..16];
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    /// <summary>
    /// Device and inode without calling into the C library (whose <c>stat</c> symbol and struct
    /// layout differ between glibc versions, musl and architectures): Linux tells a process the
    /// inode and mount of each open descriptor in <c>/proc/self/fdinfo</c>, and the mount's device
    /// in <c>/proc/self/mountinfo</c>. Elsewhere, or on kernels too old to say, (0, 0): the
    /// first line's hash decides alone.
    /// </summary>
    private static (ulong Device, ulong Inode) DeviceAndInode(string path)
    {
        if (!OperatingSystem.IsLinux())
            return (0, 0);
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var descriptor = file.SafeFileHandle.DangerousGetHandle().ToInt64();
            string? mount = null;
            ulong inode = 0;
            foreach (var line in File.ReadLines($"/proc/self/fdinfo/{descriptor}"))
            {
                if (line.StartsWith("ino:", StringComparison.Ordinal))
                    ulong.TryParse(line.AsSpan(4).Trim(), out inode);
                else if (line.StartsWith("mnt_id:", StringComparison.Ordinal))
                    mount = line[7..].Trim();
            }
            return inode == 0 || mount is null ? (0, 0) : (MountDevice(mount), inode);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (0, 0);
        }
    }

    /// <summary>The mount's device as <c>stat</c> encodes <c>st_dev</c> (glibc's makedev), so identities stay comparable.</summary>
    private static ulong MountDevice(string mountId)
    {
        foreach (var line in File.ReadLines("/proc/self/mountinfo"))
        {
            var fields = line.Split(' ', 4);
            if (fields.Length < 3 || fields[0] != mountId)
                continue;
            var numbers = fields[2].Split(':');
            if (numbers.Length == 2 && ulong.TryParse(numbers[0], out var major) && ulong.TryParse(numbers[1], out var minor))
                return ((major & 0xfff) << 8) | (minor & 0xff) | ((minor & ~0xffUL) << 12) | ((major & ~0xfffUL) << 32);
        }
        return 0;
    }
}
