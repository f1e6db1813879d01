using System.Text.Json.Nodes;
using Dray.Core.Resources;
using Microsoft.AspNetCore.DataProtection;

namespace Dray.Server.Secrets;

/// <summary>
/// Encrypts the values of <c>v1 Secret</c> documents (<c>data</c> and <c>stringData</c>) with ASP.NET Core Data
/// Protection. Encrypted values carry a prefix so a document can be passed through twice safely.
/// </summary>
public sealed class SecretCipher(IDataProtectionProvider provider)
{
    public const string Prefix = "enc:v1:";
    public static readonly string[] Sections = ["data", "stringData"];

    private readonly IDataProtector _protector = provider.CreateProtector("Dray.Secrets.v1");

    public static bool IsSecret(ResourceDocument document) =>
        document is not null && document.Kind == ResourceKinds.Secret.Kind && document.ApiVersion == ResourceKinds.Secret.ApiVersion;

    public string Decrypt(string value) =>
        value.StartsWith(Prefix, StringComparison.Ordinal) ? _protector.Unprotect(value[Prefix.Length..]) : value;

    /// <summary>
    /// Returns a copy with every value encrypted. Values equal to those of <paramref name="existing"/> keep the stored
    /// ciphertext, so re-applying an unchanged Secret is a no-op for the store.
    /// </summary>
    public ResourceDocument Encrypt(ResourceDocument document, ResourceDocument? existing)
    {
        ArgumentNullException.ThrowIfNull(document);
        var copy = document.Clone();
        foreach (var section in Sections)
        {
            if (copy.Json[section] is not JsonObject values)
            {
                continue;
            }

            var previous = existing?.Json[section] as JsonObject;
            foreach (var key in values.Select(p => p.Key).ToList())
            {
                if (values[key] is not JsonValue value || !value.TryGetValue<string>(out var plain) || plain.StartsWith(Prefix, StringComparison.Ordinal))
                {
                    continue;
                }

                var stored = (previous?[key] as JsonValue)?.TryGetValue<string>(out var s) == true ? s : null;
                values[key] = stored is not null && stored.StartsWith(Prefix, StringComparison.Ordinal) && Decrypt(stored) == plain
                    ? stored
                    : Prefix + _protector.Protect(plain);
            }
        }

        return copy;
    }

    /// <summary>Returns a copy with every value decrypted.</summary>
    public ResourceDocument DecryptDocument(ResourceDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var copy = document.Clone();
        foreach (var section in Sections)
        {
            if (copy.Json[section] is not JsonObject values)
            {
                continue;
            }

            foreach (var key in values.Select(p => p.Key).ToList())
            {
                if (values[key] is JsonValue value && value.TryGetValue<string>(out var text))
                {
                    values[key] = Decrypt(text);
                }
            }
        }

        return copy;
    }
}
