namespace LogTriage.Engine;

/// <summary>Fact: <see cref="Root"/> explains <see cref="Symptom"/> (a panic explains the resets after it).</summary>
public sealed record Explanation(Finding Root, Finding Symptom)
{
    /// <summary>
    /// Some of the symptom's signals come at or after the root's first signal, and the symptom began
    /// no later than the window after the root's last. (A restart finding spans the banner before a
    /// crash and the one after it.) Without times, the order of lines within one input stands in.
    /// </summary>
    public static bool Applies(Finding root, Finding symptom, TimeSpan within)
    {
        if (root.Cause == symptom.Cause)
            return false;
        if (root.FirstSeen is { } rootFirst && symptom.FirstSeen is { } symptomFirst)
        {
            var rootLast = root.LastSeen ?? rootFirst;
            var symptomLast = symptom.LastSeen ?? symptomFirst;
            return symptomLast >= rootFirst && symptomFirst <= rootLast + within;
        }
        return root.FirstPosition is { } r && symptom.FirstPosition is { } s
            && r.Input == s.Input && s.Line >= r.Line;
    }
}
