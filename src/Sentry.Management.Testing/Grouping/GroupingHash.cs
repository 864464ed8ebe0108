using System.Security.Cryptography;
using System.Text;

namespace Sentry.Management.Testing.Grouping;

/// <summary>Sentry's grouping hash: the md5 of the grouping values' UTF-8 bytes, one after the other, as lowercase hex.</summary>
internal static class GroupingHash
{
    public static string Of(IEnumerable<string> values)
    {
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        foreach (var value in values)
        {
            md5.AppendData(Encoding.UTF8.GetBytes(value));
        }

        return Convert.ToHexStringLower(md5.GetHashAndReset());
    }
}
