namespace LogTriage.Parsing;

/// <summary>
/// Splits the connection prefix the server puts before a connection's messages:
/// <c>ADDR - cid:N - "vVER:LANG:NAME" - "ACCOUNT/USER" - message</c>, and the route
/// (<c>rid:</c>), gateway (<c>gid:</c>), leafnode (<c>lid:</c>, <c>lid_ws:</c>), websocket
/// (<c>wid:</c>), MQTT (<c>mid:</c>) and internal (<c>SYSTEM</c>, <c>JETSTREAM</c>, <c>ACCOUNT</c>) forms.
/// </summary>
internal static class ConnectionPrefixParser
{
    private const string Separator = " - ";
    // An application that embeds the server and connects in-process (net.Pipe) has no address.
    private const string InProcess = "pipe";

    /// <summary>Returns the connection and where the message starts, or null when there is no prefix.</summary>
    public static ConnectionInfo? TryParse(ReadOnlySpan<char> message, out int messageStart)
    {
        messageStart = 0;
        var first = message.IndexOf(Separator);
        if (first <= 0)
            return null;

        var head = message[..first];
        if (head is "SYSTEM" or "JETSTREAM" or "ACCOUNT")
        {
            messageStart = first + Separator.Length;
            return new ConnectionInfo(ConnectionKind.Internal, null, head.ToString(), null, null);
        }

        if (!TrySplitAddress(head, out var host, out var port))
            return null;

        var rest = message[(first + Separator.Length)..];
        var idEnd = rest.IndexOf(Separator);
        var idToken = idEnd < 0 ? rest : rest[..idEnd];
        if (!TryParseId(idToken, out var kind, out var id))
            return null;

        var pos = first + Separator.Length + idToken.Length;
        if (idEnd < 0)
        {
            messageStart = message.Length;
            return new ConnectionInfo(kind, id, head.ToString(), host, port);
        }
        pos += Separator.Length;

        string? version = null, lang = null, name = null, account = null, user = null;
        for (var quoted = 0; quoted < 2 && pos < message.Length && message[pos] == '"'; quoted++)
        {
            var end = FindClosingQuote(message, pos + 1);
            if (end < 0 || !message[(end + 1)..].StartsWith(Separator))
                break;
            var text = Unescape(message[(pos + 1)..end]);
            if (quoted == 0 && !LooksLikeAccountUser(text, version))
                SplitClientInfo(text, out version, out lang, out name);
            else
                SplitAccountUser(text, out account, out user);
            pos = end + 1 + Separator.Length;
        }

        messageStart = pos;
        return new ConnectionInfo(kind, id, head.ToString(), host, port, version, lang, name, account, user);
    }

    /// <summary>
    /// Where the message starts, as <see cref="TryParse"/> finds it (0 when there is no prefix),
    /// without making the connection: the skip test asks it of every debug line.
    /// </summary>
    public static int MessageStart(ReadOnlySpan<char> message)
    {
        var first = message.IndexOf(Separator);
        if (first <= 0)
            return 0;
        var head = message[..first];
        if (head is "SYSTEM" or "JETSTREAM" or "ACCOUNT")
            return first + Separator.Length;
        if (head is not InProcess && !IsAddress(head, out _, out _, out _))
            return 0;
        var rest = message[(first + Separator.Length)..];
        var idEnd = rest.IndexOf(Separator);
        var idToken = idEnd < 0 ? rest : rest[..idEnd];
        if (!TryParseId(idToken, out _, out _))
            return 0;
        if (idEnd < 0)
            return message.Length;
        var pos = first + Separator.Length + idToken.Length + Separator.Length;
        for (var quoted = 0; quoted < 2 && pos < message.Length && message[pos] == '"'; quoted++)
        {
            var end = FindClosingQuote(message, pos + 1);
            if (end < 0 || !message[(end + 1)..].StartsWith(Separator))
                break;
            pos = end + 1 + Separator.Length;
        }
        return pos;
    }

    /// <summary><c>host:port</c>, <c>[v6]:port</c> or a proxied <c>client/host:port</c>.</summary>
    private static bool IsAddress(ReadOnlySpan<char> head, out int slash, out int colon, out int port)
    {
        port = 0;
        // A websocket client behind a proxy is written as clientIP/remoteAddr.
        slash = head.IndexOf('/');
        var address = slash >= 0 ? head[(slash + 1)..] : head;
        colon = address.LastIndexOf(':');
        if (colon <= 0 || colon == address.Length - 1 || address.Contains(' '))
            return false;
        return int.TryParse(address[(colon + 1)..], out port);
    }

    private static bool TrySplitAddress(ReadOnlySpan<char> head, out string? host, out int? port)
    {
        host = null;
        port = null;
        if (head is InProcess)
        {
            host = InProcess;
            return true;
        }
        if (!IsAddress(head, out var slash, out var colon, out var p))
            return false;
        var address = slash >= 0 ? head[(slash + 1)..] : head;
        var h = address[..colon];
        if (h.Length > 1 && h[0] == '[' && h[^1] == ']')
            h = h[1..^1];
        host = slash >= 0 ? head[..slash].ToString() : h.ToString();
        port = p;
        return true;
    }

    private static bool TryParseId(ReadOnlySpan<char> token, out ConnectionKind kind, out long id)
    {
        kind = ConnectionKind.Client;
        id = 0;
        var colon = token.IndexOf(':');
        if (colon < 3)
            return false;
        var tag = token[..colon];
        if (tag.EndsWith("_ws"))
            tag = tag[..^3];
        switch (tag)
        {
            case "cid": kind = ConnectionKind.Client; break;
            case "wid": kind = ConnectionKind.Websocket; break;
            case "mid": kind = ConnectionKind.Mqtt; break;
            case "rid": kind = ConnectionKind.Route; break;
            case "gid": kind = ConnectionKind.Gateway; break;
            case "lid": kind = ConnectionKind.Leafnode; break;
            default: return false;
        }
        return long.TryParse(token[(colon + 1)..], out id);
    }

    private static int FindClosingQuote(ReadOnlySpan<char> s, int from)
    {
        for (var i = from; i < s.Length; i++)
        {
            if (s[i] == '\\')
                i++;
            else if (s[i] == '"')
                return i;
        }
        return -1;
    }

    private static string Unescape(ReadOnlySpan<char> s)
    {
        if (!s.Contains('\\'))
            return s.ToString();
        var sb = new System.Text.StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '\\' && i + 1 < s.Length)
                i++;
            sb.Append(s[i]);
        }
        return sb.ToString();
    }

    private static bool LooksLikeAccountUser(string text, string? versionSeen) =>
        versionSeen is null && text.Contains('/') && !text.StartsWith('v') && text.IndexOf(':') > text.IndexOf('/');

    /// <summary><c>v2.8.2:.NET:orders</c>: only non-empty parts are written, so the version is recognised by its shape.</summary>
    private static void SplitClientInfo(string text, out string? version, out string? lang, out string? name)
    {
        version = lang = name = null;
        var parts = text.Split(':', 3);
        var i = 0;
        if (parts.Length > 0 && parts[0].Length > 1 && parts[0][0] == 'v' && char.IsAsciiDigit(parts[0][1]))
            version = parts[i++][1..];
        if (i < parts.Length)
            lang = parts[i++];
        if (i < parts.Length)
            name = string.Join(':', parts[i..]);
    }

    /// <summary><c>APP/user:bob</c>; the account itself may hold a slash (<c>name/jwt-tag</c>), the user label never does.</summary>
    private static void SplitAccountUser(string text, out string? account, out string? user)
    {
        var slash = text.LastIndexOf('/');
        if (slash < 0)
        {
            account = text;
            user = null;
            return;
        }
        account = text[..slash];
        user = text[(slash + 1)..];
    }
}
