namespace LogTriage.Tests.Support;

/// <summary>Finds the repository's folders from wherever the tests run.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Rules => Path.Combine(Root, "rules");

    public static string Samples => Path.Combine(Root, "samples-logs");

    public static string Sample(string name) => Path.Combine(Samples, name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "LogTriage.sln")))
                return dir.FullName;
        throw new InvalidOperationException("LogTriage.sln not found above the test directory");
    }
}
