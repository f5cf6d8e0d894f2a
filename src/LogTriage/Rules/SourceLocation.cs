namespace LogTriage.Rules;

/// <summary>Where in a rule file something was written (1-based line and column).</summary>
public sealed record SourceLocation(string File, long Line, long Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}
