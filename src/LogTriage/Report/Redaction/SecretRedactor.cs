using System.Text.RegularExpressions;

namespace LogTriage.Report.Redaction;

/// <summary>
/// Removes secrets from log text: passwords and tokens in CONNECT traces and key/value pairs,
/// JWTs, nkey seeds, credentials-file and PEM blocks, <c>Bearer</c> and <c>Basic</c>
/// authorization values, the password (or NATS token) in URLs, and <c>Token "..."</c> in
/// authentication errors. Immutable and stateless: one instance serves every report and thread.
/// Public nkeys (56 characters: <c>U...</c>, <c>A...</c>, <c>N...</c>) and user names are kept;
/// they identify, they do not authenticate.
/// </summary>
internal sealed class SecretRedactor
{
    public const string Mark = "[REDACTED]";

    /// <summary>CONNECT fields (and their likes) whose quoted value is a secret.</summary>
    private const string SecretKeys = "pass|password|passwd|auth_token|token|jwt|sig|secret|seed";

    /// <summary>Keys of unquoted key=value secrets; narrower, since "jwt:UBK2..." in a server's connection prefix is a public key.</summary>
    private const string SecretWords = "pass|password|passwd|auth_token|token|secret";

    /// <summary>
    /// Applied in this order: whole blocks first, then quoted values, then free-standing tokens.
    /// Every pattern starts only at the start of a run of its first characters (a lookbehind) and
    /// its repetitions cannot overlap, so the time taken grows linearly with the text.
    /// </summary>
    public static IReadOnlyList<SecretPattern> Patterns { get; } =
    [
        // A .creds file or PEM block, to its END line; when the END line was cut off, to the end of the text.
        new("credentials block",
            @"(?<!-)-{3,}[ \t]*BEGIN (?<label>[A-Z0-9 ]+?)[ \t]*-{3,}(?:.*?(?<!-)-{3,}[ \t]*END [A-Z0-9 ]+?[ \t]*-{3,}|.*)",
            "[REDACTED ${label}]", RegexOptions.Singleline),
        // JSON as written: "pass":"hunter2" (a value cut off at the end of a snippet is taken to the line end).
        new("JSON secret field",
            $"""(?<key>"(?i:{SecretKeys})"\s*:\s*)"(?:[^"\\\r\n]|\\.)*"?""",
            "${key}\"" + Mark + "\""),
        // JSON quoted once more, as in a Go %q snippet or a JSON log holding the trace: \"pass\":\"hunter2\".
        new("escaped JSON secret field",
            $"""(?<key>\\"(?i:{SecretKeys})\\"\s*:\s*)\\"(?:[^"\\\r\n]|\\[^"\r\n])*(?:\\")?""",
            "${key}\\\"" + Mark + "\\\""),
        // Three base64url segments, the first a JSON header ({"... is eyJ).
        new("JWT",
            @"(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*",
            "[REDACTED JWT]"),
        // An nkey seed: S, the key type (User, Account, Operator, server N, Cluster, curve X), 56 more base32 characters: 58 in all.
        new("nkey seed",
            @"(?<![A-Za-z0-9])S[UAONCX][A-Z2-7]{56}(?![A-Za-z0-9])",
            "[REDACTED NKEY SEED]"),
        new("bearer token",
            @"\b(?<scheme>(?i:bearer))\s+[A-Za-z0-9._~+/=-]+",
            "${scheme} " + Mark),
        new("basic authorization",
            @"(?<key>\b(?i:authorization)\s*[:=]\s*(?i:basic)\s+)[A-Za-z0-9+/=]+",
            "${key}" + Mark),
        // scheme://user:password@host keeps the user; the password may itself hold '@', so the last '@' ends it.
        new("URL password",
            @"(?<prefix>(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]*://[^:@/\s""'<>]*:)[^/\s""'<>]*@",
            "${prefix}" + Mark + "@"),
        // nats://token@host: a NATS URL with a user part alone carries a token.
        new("NATS URL token",
            @"(?<prefix>\b(?i:nats|tls|ws|wss|nats-leaf)://)[^:@/\s""'<>]+@",
            "${prefix}" + Mark + "@"),
        // authentication error - Token "s3cret" (Go %q quoting).
        new("quoted token",
            @"(?<key>\bToken\s+)""(?:[^""\\]|\\.)*""",
            "${key}\"" + Mark + "\""),
        // password=hunter2, token: abc, auth_token=... in free text and query strings.
        new("key=value secret",
            // The closing brackets and full stop that end the sentence around a secret are not part of it.
            $@"(?<key>\b(?i:{SecretWords})\s*[=:]\s*)(?!\[REDACTED)[^\s,;&""'\]\}}]+?(?=[)\]\}}>.]*(?:[\s,;&""']|$))",
            "${key}" + Mark),
    ];

    public static SecretRedactor Instance { get; } = new();

    public string Redact(string text)
    {
        if (string.IsNullOrEmpty(text))
            return text;
        foreach (var pattern in Patterns)
            text = pattern.Apply(text);
        return text;
    }
}
