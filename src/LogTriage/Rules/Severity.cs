namespace LogTriage.Rules;

/// <summary>How bad a finding is; ordered, so <c>--fail-on</c> compares with it.</summary>
public enum Severity
{
    Info = 0,
    Warning = 1,
    Error = 2,
    Critical = 3,
}
