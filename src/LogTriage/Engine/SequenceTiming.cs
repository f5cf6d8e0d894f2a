namespace LogTriage.Engine;

/// <summary>When the second half of a sequence counts as following the first.</summary>
public static class SequenceTiming
{
    /// <summary>Clocks of a client host and a server host rarely agree to the millisecond.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A sequence holds when the second tally has signals after the first one began and began
    /// no later than the window after the first one's last signal.
    /// </summary>
    public static bool Follows(RuleTally first, RuleTally then, TimeSpan within)
    {
        if (first.FirstSeen is not { } firstStart || then.FirstSeen is not { } thenStart)
            return first.FirstPosition.Input == then.FirstPosition.Input && then.FirstPosition.Line >= first.FirstPosition.Line;
        var firstEnd = first.LastSeen ?? firstStart;
        var thenEnd = then.LastSeen ?? thenStart;
        return thenEnd >= firstStart - ClockSkew && thenStart <= firstEnd + within;
    }
}
