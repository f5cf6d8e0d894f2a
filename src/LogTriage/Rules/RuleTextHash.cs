using System.Security.Cryptography;
using System.Text;

namespace LogTriage.Rules;

/// <summary>A short SHA-256 over the rule files' texts in load order: which rule set made a report.</summary>
internal sealed class RuleTextHash
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public void Add(string text) => _hash.AppendData(Encoding.UTF8.GetBytes(text));

    public string Hash() => Convert.ToHexStringLower(_hash.GetHashAndReset())[..12];
}
