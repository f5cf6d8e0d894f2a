namespace LogTriage.Rules;

/// <summary>Which logs a rule applies to.</summary>
public enum RuleSource
{
    Any,
    Server,
    Client,
    Monitor,
}
