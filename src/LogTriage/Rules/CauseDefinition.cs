namespace LogTriage.Rules;

/// <summary>The texts of a cause: what it is, how to confirm it, how to fix it.</summary>
public sealed record CauseDefinition(
    string Id,
    string Title,
    string Summary,
    string Diagnosis,
    IReadOnlyList<string> Fix,
    string? Why,
    SourceLocation Location);
