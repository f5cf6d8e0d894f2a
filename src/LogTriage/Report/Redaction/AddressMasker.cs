using System.Net;
using System.Text.RegularExpressions;

namespace LogTriage.Report.Redaction;

/// <summary>
/// Replaces IPv4 and IPv6 addresses by <c>ip-1</c>, <c>ip-2</c>, ... in the order they are first
/// seen, the same address always by the same placeholder, so a reader can still tell which lines
/// came from one client. Ports and brackets stay (<c>[ip-2]:4222</c>). Loopback and unspecified
/// addresses (127.0.0.1, ::1, 0.0.0.0, ::) are kept: they reveal nothing about a network and say
/// that a client was local.
/// Holds the numbering of one report: create one per report. Not thread-safe.
/// </summary>
internal sealed class AddressMasker
{
    private const string Octet = "(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])";
    private const string V4 = $@"(?:{Octet}\.){{3}}{Octet}";
    private const string Hex = "[0-9A-Fa-f]{1,4}";

    private static readonly Regex Address = new(
        // IPv6, not inside a word or a longer run of hex groups; a port after it is bracketed ([2001:db8::1]:4222).
        @"(?<![0-9A-Za-z.:])(?:" +
            // ending in an IPv4 address (::ffff:10.0.0.1, 64:ff9b::192.0.2.1),
            $@"(?:{Hex}(?::{Hex}){{0,5}})?::(?:{Hex}:){{0,5}}{V4}" +
            // all eight groups,
            $@"|(?:{Hex}:){{7}}{Hex}" +
            // or :: for the zero groups.
            $@"|(?:{Hex}(?::{Hex}){{0,6}})?::(?:{Hex}(?::{Hex}){{0,6}})?" +
        @")(?![0-9A-Za-z:]|\.[0-9])" +
        // IPv4, not inside a word or a version (1.2.3.4.5); a port may follow (10.0.0.1:4222).
        $@"|(?<![0-9A-Za-z.]){V4}(?![0-9A-Za-z]|\.[0-9])",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);

    private readonly Dictionary<string, string> _masks = new(StringComparer.Ordinal);

    /// <summary>How many distinct addresses were masked so far.</summary>
    public int Count => _masks.Count;

    public string Mask(string text) =>
        string.IsNullOrEmpty(text) ? text : Address.Replace(text, m => MaskFor(m.Value));

    private string MaskFor(string address)
    {
        if (!IPAddress.TryParse(address, out var ip))
            return address;
        if (IPAddress.IsLoopback(ip) || ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any) || ip.Equals(IPAddress.IPv6None))
            return address;
        // The parsed form is canonical: 2001:DB8:0::1 and 2001:db8::1 are one address.
        var key = ip.ToString();
        if (!_masks.TryGetValue(key, out var mask))
        {
            mask = $"ip-{_masks.Count + 1}";
            _masks.Add(key, mask);
        }
        return mask;
    }
}
