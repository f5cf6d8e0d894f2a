namespace LogTriage.Rules;

/// <summary>A test on message text: any of the literals (case-insensitive), and/or a regular expression.</summary>
public sealed record TextMatch(IReadOnlyList<string> Contains, string? Regex);
