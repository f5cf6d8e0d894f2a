namespace LogTriage.Engine;

/// <summary>Linked fact: <see cref="Root"/> explains <see cref="Symptom"/> (a panic explains the resets after it).</summary>
internal sealed record Explanation(Finding Root, Finding Symptom);
