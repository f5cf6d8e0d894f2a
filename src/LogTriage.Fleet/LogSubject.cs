namespace LogTriage.Fleet;

/// <summary>The subject a batch of lines is published on: <c>logs.&lt;cluster&gt;.&lt;server&gt;.&lt;source&gt;</c>.</summary>
public static class LogSubject
{
    public const string Prefix = "logs";

    /// <summary>The wildcard the stream is created with.</summary>
    public const string All = Prefix + ".>";

    public static string For(string cluster, string server, string source) =>
        $"{Prefix}.{Token(cluster)}.{Token(server)}.{Token(source)}";

    /// <summary>A name as one subject token: the separators and wildcards NATS reserves become '_'.</summary>
    public static string Token(string name)
    {
        var token = new string(name.Select(c => c is '.' or '*' or '>' || char.IsWhiteSpace(c) || char.IsControl(c) ? '_' : c).ToArray());
        return token.Length == 0 ? "_" : token;
    }
}
