using System.Reflection;

namespace LogTriage.Cli;

/// <summary>The version reported in every report, from the assembly's informational version.</summary>
public static class ToolVersion
{
    public static string Current { get; } =
        typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
