namespace LogTriage.Rules;

/// <summary>
/// User tuning in the manner of Falco's exceptions: the rule does not fire for signals whose keys
/// or captured fields have these values (a health-check user, a known noisy address). Suppressed
/// signals are counted per exception, never silently dropped.
/// </summary>
public sealed record RuleException(string Name, IReadOnlyDictionary<string, string> Fields);
