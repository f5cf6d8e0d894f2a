namespace LogTriage.Engine;

/// <summary>What the engine session was given and did: facts inserted, facts held now, rules fired.</summary>
public sealed record EngineStatistics(long FactsInserted, int LiveFacts, long RulesFired, TimeSpan Busy);
