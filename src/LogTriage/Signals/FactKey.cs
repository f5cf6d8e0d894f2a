namespace LogTriage.Signals;

/// <summary>
/// The key values a fact was coalesced on: only the kinds some rule groups by, joins on or excepts
/// on (per rule, see <see cref="CoalescingPlan"/>). A kind the fact's signals did not carry holds
/// <see cref="Any"/>, which joins any value: a client log that never names its connection still
/// meets the server's lines on time alone.
/// </summary>
public sealed class FactKey : IEquatable<FactKey>
{
    public const string Any = "*";

    private readonly string[] _kinds;
    private readonly string[] _values;
    private readonly int _hash;

    public FactKey(string[] kinds, string[] values)
    {
        _kinds = kinds;
        _values = values;
        var hash = new HashCode();
        foreach (var value in values)
            hash.Add(value, StringComparer.Ordinal);
        _hash = hash.ToHashCode();
    }

    public static FactKey None { get; } = new([], []);

    /// <summary>The kinds kept, in a fixed order, and their values.</summary>
    public IEnumerable<KeyValuePair<string, string>> Values => _kinds.Select((k, i) => new KeyValuePair<string, string>(k, _values[i]));

    /// <summary>The value for a grouping kind (<c>address</c>, <c>client</c>, <c>field:reason</c>...); <see cref="Any"/> when not kept.</summary>
    public string this[string kind]
    {
        get
        {
            for (var i = 0; i < _kinds.Length; i++)
                if (string.Equals(_kinds[i], kind, StringComparison.Ordinal))
                    return _values[i];
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

    // Keys of one rule always list the same kinds in the same order: the values decide.
    public bool Equals(FactKey? other) =>
        other is not null && _hash == other._hash && _kinds.AsSpan().SequenceEqual(other._kinds) && _values.AsSpan().SequenceEqual(other._values);

    public override bool Equals(object? obj) => Equals(obj as FactKey);

    public override int GetHashCode() => _hash;

    public override string ToString() => _kinds.Length == 0 ? "" : string.Join(", ", Values.Select(p => $"{p.Key} {p.Value}"));

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
            "client" => c?.Name ?? signal.Fields.GetValueOrDefault("client"),
            "account" => c?.Account ?? signal.Fields.GetValueOrDefault("account"),
            "user" => c?.User ?? signal.Fields.GetValueOrDefault("user"),
            "input" => e.Input,
            _ when kind.StartsWith("field:", StringComparison.Ordinal) => signal.Fields.GetValueOrDefault(kind[6..]),
            _ => signal.Fields.GetValueOrDefault(kind),
        };
    }
}
