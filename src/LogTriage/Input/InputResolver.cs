namespace LogTriage.Input;

/// <summary>
/// Turns what the user typed (files, <c>-</c>, directories, simple globs) into input sources.
/// Paths that cannot be read are reported, not thrown, so the other inputs are still analysed.
/// </summary>
public sealed class InputResolver(Func<Stream> standardInput)
{
    public InputResolution Resolve(IEnumerable<string> arguments)
    {
        var sources = new List<InputSource>();
        var errors = new List<string>();
        foreach (var argument in arguments)
        {
            if (argument == InputSource.StandardInputName)
                sources.Add(InputSource.FromStandardInput(standardInput));
            else if (argument.IndexOfAny(['*', '?']) >= 0)
                AddGlob(argument, sources, errors);
            else if (Directory.Exists(argument))
                sources.AddRange(Directory.EnumerateFiles(argument, "*", SearchOption.AllDirectories)
                    .Where(LooksLikeLog).Order(StringComparer.Ordinal).Select(InputSource.FromFile));
            else if (File.Exists(argument))
                sources.Add(InputSource.FromFile(argument));
            else
                errors.Add($"{argument}: no such file or directory");
        }
        return new InputResolution(sources, errors);
    }

    private static void AddGlob(string pattern, List<InputSource> sources, List<string> errors)
    {
        var directory = Path.GetDirectoryName(pattern);
        var filePattern = Path.GetFileName(pattern);
        var root = string.IsNullOrEmpty(directory) ? "." : directory;
        if (!Directory.Exists(root) || directory!.IndexOfAny(['*', '?']) >= 0)
        {
            errors.Add($"{pattern}: no file matches");
            return;
        }
        var matches = Directory.EnumerateFiles(root, filePattern).Order(StringComparer.Ordinal).ToList();
        if (matches.Count == 0)
            errors.Add($"{pattern}: no file matches");
        sources.AddRange(matches.Select(InputSource.FromFile));
    }

    /// <summary>Skips what a log folder also holds (configs, pid files) when a directory is given.</summary>
    private static bool LooksLikeLog(string path)
    {
        var name = Path.GetFileName(path);
        if (name.StartsWith('.'))
            return false;
        var extension = Path.GetExtension(name).ToLowerInvariant();
        return extension is ".log" or ".txt" or ".gz" or ".json" or ".jsonl" or ".clef" or ".out" or ".err" or ""
            || extension.TrimStart('.').All(char.IsAsciiDigit)
            || name.Contains(".log.", StringComparison.OrdinalIgnoreCase);
    }
}
