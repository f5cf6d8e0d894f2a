using LogTriage.Report;

namespace LogTriage.Cli;

/// <summary>
/// <c>--append</c>: a scheduled scan adds its rows to one CSV over time. The header is written
/// only into a new or empty file; a file with another header is refused rather than mixed.
/// The new content goes to a copy that replaces the file, so a failed run leaves it as it was.
/// </summary>
public static class CsvAppend
{
    public static void Write(string path, IEnumerable<string> inputs, CauseReport report)
    {
        var full = Path.GetFullPath(path);
        if (inputs.Any(i => i != "-" && File.Exists(i) && Path.GetFullPath(i) == full))
            throw new UsageException($"{path}: is one of the inputs; refusing to write to it");
        var existing = File.Exists(full) ? File.ReadAllText(full) : "";
        var header = string.Join(',', CsvReportRenderer.Columns);
        if (existing.Length > 0 && !existing.StartsWith(header + "\n", StringComparison.Ordinal) && !existing.StartsWith(header + "\r\n", StringComparison.Ordinal))
            throw new UsageException($"{path}: is not a logtriage CSV with the current columns; refusing to append");

        var directory = Path.GetDirectoryName(full)!;
        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var writer = new StreamWriter(temporary, append: false, new System.Text.UTF8Encoding(false)))
            {
                writer.Write(existing);
                if (existing.Length > 0 && !existing.EndsWith('\n'))
                    writer.WriteLine();
                new CsvReportRenderer(includeHeader: existing.Length == 0).Render(report, writer);
            }
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
        }
    }
}
