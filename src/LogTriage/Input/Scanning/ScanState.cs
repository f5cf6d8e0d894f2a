using System.Text.Json;

namespace LogTriage.Input.Scanning;

/// <summary>
/// What earlier scans read: per file (by identity, not name), how far. Loaded from and saved to
/// the <c>--state</c> file, atomically, so an interrupted run leaves the previous state intact.
/// </summary>
public sealed class ScanState
{
    public List<ScannedFile> Files { get; init; } = [];

    public static ScanState Load(string path)
    {
        if (!File.Exists(path))
            return new ScanState();
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(path), ScanStateJson.Default.ScanState) ?? new ScanState();
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

    /// <summary>
    /// The sources as a scan reads them: each file from where the last scan of the same file
    /// stopped (by identity, so a rotated file continues), from the start if it is new or was
    /// truncated; only complete lines, so a half-written last line waits for the next scan.
    /// </summary>
    public IReadOnlyList<InputSource> Resume(IEnumerable<InputSource> sources) =>
        sources.Select(source =>
        {
            var previous = Find(FileIdentity.Of(source.Name));
            var resume = previous is not null && (source.Length is not { } length || IsCompressed(source.Name) || length >= previous.Offset);
            return source with
            {
                SkipBytes = resume ? previous!.Offset : 0,
                FirstLine = resume ? previous!.Lines + 1 : 1,
                CompleteLinesOnly = true,
            };
        }).ToList();

    /// <summary>Records how far this scan read each source (skipping those that could not be read).</summary>
    public void Advance(IReadOnlyList<InputSource> sources, IReadOnlyList<InputStatistics> read, DateTimeOffset now)
    {
        foreach (var (source, stats) in sources.Zip(read))
        {
            if (stats.Error is not null)
                continue;
            // Identity again: a file that had no complete first line at the start may have one now.
            Record(source.Name, FileIdentity.Of(source.Name), source.SkipBytes + stats.ConsumedBytes, source.FirstLine - 1 + stats.Lines, now);
        }
    }

    // A compressed file's length says nothing about the text read from it.
    private static bool IsCompressed(string path)
    {
        using var file = File.OpenRead(path);
        return file.ReadByte() == 0x1f && file.ReadByte() == 0x8b;
    }

    /// <summary>Forgets files not seen for a long time (deleted rotations), so the state does not grow forever.</summary>
    public void Forget(DateTimeOffset before) => Files.RemoveAll(f => f.LastScan < before);

    public void Save(string path)
    {
        var full = Path.GetFullPath(path);
        // A state file named in a folder that does not exist yet (a first cron run) gets its folder.
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        File.WriteAllText(temporary, JsonSerializer.Serialize(this, ScanStateJson.Default.ScanState));
        File.Move(temporary, full, overwrite: true);
    }
}

/// <summary>One file an earlier scan read: its identity, and how far (bytes of its text, lines).</summary>
public sealed record ScannedFile(string Path, ulong Device, ulong Inode, string FirstLineHash, long Offset, long Lines, DateTimeOffset LastScan);
