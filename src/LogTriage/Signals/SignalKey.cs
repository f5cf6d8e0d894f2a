using LogTriage.Rules;

namespace LogTriage.Signals;

/// <summary>The value a threshold counts per, taken from a signal; null when the signal has none.</summary>
public static class SignalKey
{
    /// <summary>The join key of a signal that carries none: it joins any key.</summary>
    public const string Any = "*";

    public static bool Joins(string? a, string? b) => a == b || a == Any || b == Any;

    public static string? Of(GroupBy per, Signal signal)
    {
        var e = signal.Event;
        var c = e.Connection;
        return per.Kind switch
        {
            "none" => "",
            "connection" => c is null ? null : $"{e.Input}#{c.Label}",
            "address" => c?.Host,
            "endpoint" => c?.Address,
            "client" => c?.Name,
            "account" => c?.Account,
            "user" => c?.User,
            "input" => e.Input,
            "field" => signal.Fields.GetValueOrDefault(per.Field!),
            _ => null,
        };
    }
}
