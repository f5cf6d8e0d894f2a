using LogTriage.Input;

namespace LogTriage.Tests.Input;

/// <summary>Globs as people write them for log folders, <c>**</c> included.</summary>
public class GlobInputTests
{
    private string _dir = "";

    [SetUp]
    public void CreateTree()
    {
        _dir = Directory.CreateTempSubdirectory("logtriage-glob-").FullName;
        foreach (var file in new[] { "nats-0.log", "a/nats-1.log", "a/b/nats-2.log.gz", "a/b/notes.md", "c/nats-3.log" })
        {
            var path = Path.Combine(_dir, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, "x\n");
        }
    }

    [TearDown]
    public void RemoveTree() => Directory.Delete(_dir, recursive: true);

    private List<string> Resolve(string pattern, out IReadOnlyList<string> errors)
    {
        var resolution = new InputResolver(() => Stream.Null).Resolve([Path.Combine(_dir, pattern)]);
        errors = resolution.Errors;
        return resolution.Sources.Select(s => Path.GetRelativePath(_dir, s.Name).Replace('\\', '/')).ToList();
    }

    [Test]
    public void Double_star_matches_at_any_depth()
    {
        Assert.That(Resolve("**/nats-*.log", out _), Is.EqualTo(new[] { "a/nats-1.log", "c/nats-3.log", "nats-0.log" }));
        Assert.That(Resolve("**/*.gz", out _), Is.EqualTo(new[] { "a/b/nats-2.log.gz" }));
    }

    [Test]
    public void Single_star_stays_in_its_folder_and_a_star_folder_is_one_level()
    {
        Assert.That(Resolve("*.log", out _), Is.EqualTo(new[] { "nats-0.log" }));
        Assert.That(Resolve("*/nats-*.log", out _), Is.EqualTo(new[] { "a/nats-1.log", "c/nats-3.log" }));
    }

    [Test]
    public void A_glob_matching_nothing_is_an_error_naming_it()
    {
        Assert.That(Resolve("**/*.clef", out var errors), Is.Empty);
        Assert.That(errors, Has.One.Contains("no file matches"));
    }
}
