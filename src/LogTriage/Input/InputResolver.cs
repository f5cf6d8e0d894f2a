using Microsoft.Extensions.FileSystemGlobbing;

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

    /// <summary>
    /// A glob (<c>logs/*.log</c>, <c>/var/log/**/nats*.log.gz</c>) is matched from its longest
    /// wildcard-free folder, by Microsoft.Extensions.FileSystemGlobbing, which knows <c>**</c>.
    /// </summary>
    private static void AddGlob(string pattern, List<InputSource> sources, List<string> errors)
    {
        var parts = pattern.Replace('\\', '/').Split('/');
        var fixedParts = parts.TakeWhile(p => p.IndexOfAny(['*', '?']) < 0).ToList();
        var root = fixedParts.Count == 0 ? "." : string.Join('/', fixedParts);
        if (root.Length == 0)
            root = "/";
        var rest = string.Join('/', parts.Skip(fixedParts.Count));
        if (!Directory.Exists(root))
        {
            errors.Add($"{pattern}: no file matches");
            return;
        }
        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude(rest);
        var matches = matcher.GetResultsInFullPath(root)
            .Select(full => fixedParts.Count == 0 ? Path.GetRelativePath(".", full) : Path.Combine(root, Path.GetRelativePath(root, full)))
            .Order(StringComparer.Ordinal).ToList();
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
