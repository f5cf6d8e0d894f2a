using System.Security.Cryptography;
using System.Runtime.InteropServices;

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

    private static (ulong Device, ulong Inode) DeviceAndInode(string path)
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture is not (Architecture.X64 or Architecture.Arm64))
            return (0, 0);
        // struct stat on 64-bit Linux begins with st_dev and st_ino, both 8 bytes.
        var buffer = new byte[256];
        return Stat(path, buffer) == 0
            ? (BitConverter.ToUInt64(buffer, 0), BitConverter.ToUInt64(buffer, 8))
            : (0, 0);
    }

    [DllImport("libc", EntryPoint = "stat", SetLastError = true)]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] buffer);
}
