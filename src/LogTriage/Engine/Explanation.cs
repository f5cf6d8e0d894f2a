namespace LogTriage.Engine;

/// <summary>Fact: <see cref="Root"/> explains <see cref="Symptom"/> (a panic explains the resets after it).</summary>
public sealed record Explanation(Finding Root, Finding Symptom)
{
    /// <summary>
    /// Most of the symptom's signals fall in runs that begin during one of the root's runs of
    /// signals or within the window after it: a panic explains the resets in the minutes after it,
    /// not those of the hours between two panics. Without times, the order of lines within one
    /// input stands in.
    /// </summary>
    public static bool Applies(Finding root, Finding symptom, TimeSpan within)
    {
        if (root.Cause == symptom.Cause)
            return false;
        if (root.Bursts.Count > 0 && symptom.Bursts.Count > 0)
        {
            var covered = symptom.Bursts.Where(s => root.Bursts.Any(r => s.End >= r.Start && s.Start <= r.End + within)).Sum(s => s.Count);
            return covered * 2 >= symptom.Bursts.Sum(s => s.Count);
        }
        return root.FirstPosition is { } r && symptom.FirstPosition is { } s
            && r.Input == s.Input && s.Line >= r.Line;
    }
}
