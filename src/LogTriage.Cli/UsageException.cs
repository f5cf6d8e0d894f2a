namespace LogTriage.Cli;

/// <summary>Something the user asked for cannot be done; its message is printed as one line, exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
