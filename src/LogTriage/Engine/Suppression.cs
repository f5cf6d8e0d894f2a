using LogTriage.Signals;

namespace LogTriage.Engine;

/// <summary>Linked fact: signals a rule would have fired on, held back by one of its exceptions.</summary>
internal sealed record Suppression(string RuleId, string Exception, SignalFact Fact);
