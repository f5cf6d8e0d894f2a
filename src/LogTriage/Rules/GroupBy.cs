namespace LogTriage.Rules;

/// <summary>What a threshold counts per: <c>connection</c>, <c>address</c>, ..., or a captured field.</summary>
public sealed record GroupBy(string Kind, string? Field = null)
{
    public static readonly IReadOnlyList<string> Kinds = ["none", "connection", "address", "endpoint", "client", "account", "user", "input", "field"];

    public static GroupBy None { get; } = new("none");

    public override string ToString() => Field is null ? Kind : $"field:{Field}";
}
