using LogTriage.Parsing;
using LogTriage.Rules;

namespace LogTriage.Signals;

/// <summary>A rule's match on one event, with the fields its regex captured.</summary>
public sealed record Signal(RuleDefinition Rule, LogEvent Event, IReadOnlyDictionary<string, string> Fields);
