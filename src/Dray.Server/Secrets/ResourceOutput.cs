using System.Text.Json.Nodes;
using Dray.Core.Resources;

namespace Dray.Server.Secrets;

/// <summary>
/// The one gate every document passes on its way out of the API: Secret values become <see cref="Redacted"/>, except
/// the keys that identify a credential rather than being one.
/// </summary>
public sealed class ResourceOutput(SecretCipher cipher)
{
    public const string Redacted = "*** REDACTED ***";
    private const string LastApplied = "kubectl.kubernetes.io/last-applied-configuration";

    private static readonly HashSet<string> VisibleKeys = new(StringComparer.Ordinal) { "repoURL", "repoURLIsRegex", "username" };

    public JsonObject ToJson(ResourceDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (!SecretCipher.IsSecret(document))
        {
            return (JsonObject)document.Json.DeepClone();
        }

        var copy = document.Clone();
        (copy.Metadata["annotations"] as JsonObject)?.Remove(LastApplied);
        foreach (var section in SecretCipher.Sections)
        {
            if (copy.Json[section] is not JsonObject values)
            {
                continue;
            }

            foreach (var key in values.Select(p => p.Key).ToList())
            {
                values[key] = VisibleKeys.Contains(key) && values[key] is JsonValue v && v.TryGetValue<string>(out var text)
                    ? cipher.Decrypt(text)
                    : Redacted;
            }
        }

        return copy.Json;
    }
}
