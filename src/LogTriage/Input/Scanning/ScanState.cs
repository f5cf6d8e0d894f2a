using System.Text.Json;
using System.Text.Json.Serialization;

namespace LogTriage.Input.Scanning;

/// <summary>
/// What earlier scans read: per file (by identity, not name), how far. Loaded from and saved to
/// the <c>--state</c> file, atomically, so an interrupted run leaves the previous state intact.
/// </summary>
public sealed class ScanState
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public List<ScannedFile> Files { get; init; } = [];

    public static ScanState Load(string path)
    {
        if (!File.Exists(path))
            return new ScanState();
        try
        {
            return JsonSerializer.Deserialize<ScanState>(File.ReadAllText(path), Json) ?? new ScanState();
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a logtriage scan state file ({e.Message})");
        }
    }

    /// <summary>Where to resume reading the file at <paramref name="path"/>: after what an earlier scan read of the same file.</summary>
    public ScannedFile? Find(FileIdentity identity) =>
        Files.LastOrDefault(f => identity.SameFileAs(new FileIdentity(f.Device, f.Inode, f.FirstLineHash)));

    public void Record(string path, FileIdentity identity, long offset, long lines, DateTimeOffset when)
    {
        Files.RemoveAll(f => identity.SameFileAs(new FileIdentity(f.Device, f.Inode, f.FirstLineHash)));
        Files.Add(new ScannedFile(path, identity.Device, identity.Inode, identity.FirstLineHash, offset, lines, when));
    }

    /// <summary>Forgets files not seen for a long time (deleted rotations), so the state does not grow forever.</summary>
    public void Forget(DateTimeOffset before) => Files.RemoveAll(f => f.LastScan < before);

    public void Save(string path)
    {
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        File.WriteAllText(temporary, JsonSerializer.Serialize(this, Json));
        File.Move(temporary, full, overwrite: true);
    }
}

/// <summary>One file an earlier scan read: its identity, and how far (bytes of its text, lines).</summary>
public sealed record ScannedFile(string Path, ulong Device, ulong Inode, string FirstLineHash, long Offset, long Lines, DateTimeOffset LastScan);
