namespace LogTriage.Rules;

/// <summary>One problem in a rule file, with the position an editor can jump to.</summary>
public sealed record RuleError(SourceLocation Location, string Message)
{
    public override string ToString() => $"{Location}: {Message}";
}
