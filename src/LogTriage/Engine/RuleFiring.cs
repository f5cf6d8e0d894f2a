namespace LogTriage.Engine;

/// <summary>One firing of a compiled rule: its NRules name and the facts it matched.</summary>
public sealed record RuleFiring(string Rule, IReadOnlyList<object> Facts);
