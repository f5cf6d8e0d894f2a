namespace LogTriage.Cli;

/// <summary>The exit-code contract of the design.</summary>
public static class ExitCodes
{
    /// <summary>The analysis ran, whatever it found.</summary>
    public const int Success = 0;

    /// <summary><c>--fail-on</c> was given and a cause at or above that severity was found, or a rule example failed.</summary>
    public const int Findings = 1;

    /// <summary>Usage error, unreadable input or invalid rules.</summary>
    public const int Usage = 2;
}
