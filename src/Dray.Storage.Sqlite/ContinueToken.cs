using System.Buffers.Text;
using System.Text.Json;

namespace Dray.Storage.Sqlite;

/// <summary>
/// The keyset position after the last item of a page: its (namespace, name), opaque to clients.
/// Resuming after a key instead of skipping an offset keeps every page O(page size).
/// </summary>
internal sealed record ContinueToken(string Namespace, string Name)
{
    private const string Version = "v1";

    public string Encode() => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new[] { Version, Namespace, Name }));

    /// <exception cref="ArgumentException">The token was not produced by this store.</exception>
    public static ContinueToken Decode(string token)
    {
        try
        {
            var parts = JsonSerializer.Deserialize<string[]>(Base64Url.DecodeFromChars(token));
            if (parts is [Version, { } ns, { Length: > 0 } name])
            {
                return new ContinueToken(ns, name);
            }
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            throw Invalid(token, ex);
        }

        throw Invalid(token, null);
    }

    private static ArgumentException Invalid(string token, Exception? inner) =>
        new("The continue token is not valid; list again from the first page.", nameof(token), inner);
}
