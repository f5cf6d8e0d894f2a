namespace LogTriage.Cli;

/// <summary>
/// Writes a report to <c>--out</c>: to a temporary file first, renamed into place only when
/// complete, so a failed run leaves no half-written report; never over an existing file unless
/// the user said <c>--force</c>, and never over an input.
/// </summary>
public static class OutputFile
{
    public static void Write(string path, bool force, IEnumerable<string> inputs, Action<TextWriter> render)
    {
        var full = Path.GetFullPath(path);
        if (inputs.Any(i => i != "-" && File.Exists(i) && Path.GetFullPath(i) == full))
            throw new UsageException($"{path}: is one of the inputs; refusing to overwrite it");
        if (File.Exists(full) && !force)
            throw new UsageException($"{path}: already exists (use --force to overwrite)");
        var directory = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(directory))
            throw new UsageException($"{path}: directory does not exist");

        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var writer = new StreamWriter(temporary, append: false, new System.Text.UTF8Encoding(false)))
                render(writer);
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
        }
    }
}
