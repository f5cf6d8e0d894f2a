using LogTriage.Rules;

namespace LogTriage.Signals;

/// <summary>
/// The key values a fact was coalesced on: only the kinds some rule joins, groups or excepts on
/// (per rule, see <see cref="CoalescingPlan"/>). A kind the fact's signals did not carry holds
/// <see cref="Any"/>, which joins any value: a client log that never names its connection still
/// meets the server's lines on time alone.
/// </summary>
public sealed record FactKey(IReadOnlyList<KeyValuePair<string, string>> Values)
{
    public const string Any = "*";

    public static FactKey None { get; } = new([]);

    /// <summary>The value for a grouping kind (<c>address</c>, <c>client</c>, <c>field:reason</c>...); <see cref="Any"/> when not kept.</summary>
    public string this[string kind]
    {
        get
        {
            foreach (var pair in Values)
                if (pair.Key == kind)
                    return pair.Value;
            return kind == "none" ? "" : Any;
        }
    }

    /// <summary>Whether two facts are about the same thing for one grouping kind.</summary>
    public static bool Joins(FactKey a, FactKey b, string kind)
    {
        var x = a[kind];
        var y = b[kind];
        return x == y || x == Any || y == Any;
    }

    public bool Equals(FactKey? other) => other is not null && Values.SequenceEqual(other.Values);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var pair in Values)
            hash.Add(pair);
        return hash.ToHashCode();
    }

    public override string ToString() => Values.Count == 0 ? "" : string.Join(", ", Values.Select(p => $"{p.Key} {p.Value}"));

    /// <summary>The value a grouping kind takes from one signal; null when the signal has none.</summary>
    public static string? ValueOf(string kind, Signal signal)
    {
        var e = signal.Event;
        var c = e.Connection;
        return kind switch
        {
            "none" => "",
            "connection" => c is null ? null : $"{e.Input}#{c.Label}",
            "address" => c?.Host,
            "endpoint" => c?.Address,
            "client" => c?.Name,
            "account" => c?.Account,
            "user" => c?.User,
            "input" => e.Input,
            _ when kind.StartsWith("field:", StringComparison.Ordinal) => signal.Fields.GetValueOrDefault(kind[6..]),
            _ => signal.Fields.GetValueOrDefault(kind),
        };
    }
}
