namespace LogTriage.Engine;

/// <summary>Fact: <see cref="Root"/> explains <see cref="Symptom"/> (a panic explains the resets after it).</summary>
public sealed record Explanation(Finding Root, Finding Symptom)
{
    /// <summary>
    /// The symptom began at or after the root's first signal and no later than the window after its
    /// last. Without times, the order of lines within one input stands in for time.
    /// </summary>
    public static bool Applies(Finding root, Finding symptom, TimeSpan within)
    {
        if (root.Cause == symptom.Cause)
            return false;
        if (root.FirstSeen is { } rootFirst && symptom.FirstSeen is { } symptomFirst)
        {
            var rootLast = root.LastSeen ?? rootFirst;
            return symptomFirst >= rootFirst && symptomFirst <= rootLast + within;
        }
        return root.FirstPosition is { } r && symptom.FirstPosition is { } s
            && r.Input == s.Input && s.Line >= r.Line;
    }
}
