namespace LogTriage.Rules;

/// <summary>Thrown when rule files are invalid; carries every error found, not just the first.</summary>
public sealed class RuleValidationException(IReadOnlyList<RuleError> errors)
    : Exception($"{errors.Count} error(s) in rule files; first: {errors[0]}")
{
    public IReadOnlyList<RuleError> Errors { get; } = errors;
}
