using System.Diagnostics;
using LogTriage.Input.Scanning;

namespace LogTriage.Tests.Input;

/// <summary>File identity read from /proc, checked against coreutils' stat on the same files.</summary>
public class FileIdentityTests
{
    private string _dir = "";

    [SetUp]
    public void CreateDirectory() => _dir = Directory.CreateTempSubdirectory("logtriage-identity-").FullName;

    [TearDown]
    public void RemoveDirectory() => Directory.Delete(_dir, recursive: true);

    private static (ulong Device, ulong Inode) Stat(string path)
    {
        using var stat = Process.Start(new ProcessStartInfo("stat", ["-c", "%d %i", path]) { RedirectStandardOutput = true })!;
        var fields = stat.StandardOutput.ReadToEnd().Trim().Split(' ');
        stat.WaitForExit();
        return (ulong.Parse(fields[0]), ulong.Parse(fields[1]));
    }

    [Test]
    public void Device_and_inode_are_those_stat_reports()
    {
        Assume.That(OperatingSystem.IsLinux(), "file identity by inode is Linux's");
        var path = Path.Combine(_dir, "nats.log");
        File.WriteAllText(path, "[1] 2026/11/25 10:00:00.000001 [INF] Starting nats-server\n");
        var identity = FileIdentity.Of(path);
        Assert.That((identity.Device, identity.Inode), Is.EqualTo(Stat(path)));
        Assert.That(identity.Inode, Is.Not.Zero);
    }

    [Test]
    public void A_rotated_file_is_the_same_file_and_its_successor_is_not()
    {
        var path = Path.Combine(_dir, "nats.log");
        File.WriteAllText(path, "[1] 2026/11/25 10:00:00.000001 [INF] Starting nats-server\n");
        var before = FileIdentity.Of(path);
        File.Move(path, path + ".1");
        File.WriteAllText(path, "[1] 2026/11/25 11:00:00.000001 [INF] Starting nats-server\n");
        Assert.That(FileIdentity.Of(path + ".1").SameFileAs(before), Is.True);
        Assert.That(FileIdentity.Of(path).SameFileAs(before), Is.False);
    }
}
