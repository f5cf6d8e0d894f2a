namespace LogTriage.Cli;

/// <summary>Where the shipped rules are: beside the executable (also when installed as a tool).</summary>
public static class RuleDirectories
{
    public static string Shipped => Path.Combine(AppContext.BaseDirectory, "rules");

    /// <summary>The JSON Schema of rule files, shipped beside the rules.</summary>
    public static string Schema => Path.Combine(Shipped, "schema", "logtriage-rules.schema.json");

    public static IReadOnlyList<string> Resolve(IReadOnlyList<string> userDirectories, bool includeShipped)
    {
        var directories = new List<string>();
        if (includeShipped)
            directories.Add(Shipped);
        directories.AddRange(userDirectories);
        if (directories.Count == 0)
            throw new UsageException("no rules: --no-default-rules needs at least one --rules DIR");
        return directories;
    }
}
