using System.Buffers.Text;
using System.Text;

namespace Dray.Storage.Sqlite;

/// <summary>
/// The keyset position after the last item of a page: its (namespace, name), opaque to clients.
/// Resuming after a key instead of skipping an offset keeps every page O(page size).
/// </summary>
internal sealed record ContinueToken(string Namespace, string Name)
{
    private const string Prefix = "v1\n";

    public string Encode() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Prefix + Namespace + "\n" + Name));

    /// <exception cref="ArgumentException">The token was not produced by this store.</exception>
    public static ContinueToken Decode(string token)
    {
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        }
        catch (FormatException ex)
        {
            throw new ArgumentException("The continue token is not valid; list again from the first page.", nameof(token), ex);
        }

        var parts = text.Split('\n');
        if (parts.Length != 3 || parts[0] + "\n" != Prefix || parts[2].Length == 0)
        {
            throw new ArgumentException("The continue token is not valid; list again from the first page.", nameof(token));
        }

        return new ContinueToken(parts[1], parts[2]);
    }
}
