using System.Text;
using System.Text.Json.Nodes;
using Dray.Core.Resources;
using Dray.Core.Storage;

namespace Dray.Server.Secrets;

public sealed class SecretReader(IResourceStore store, SecretCipher cipher) : ISecretReader
{
    public async Task<IReadOnlyDictionary<string, string>?> ReadAsync(string project, string name, CancellationToken cancellationToken)
    {
        var stored = await store.GetAsync(new ResourceKey(ResourceKinds.Secret.Kind, project, name), cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return null;
        }

        var document = cipher.DecryptDocument(stored);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in Strings(document.Json["data"]))
        {
            values[key] = Decode(value);
        }

        foreach (var (key, value) in Strings(document.Json["stringData"]))
        {
            values[key] = value;
        }

        return values;
    }

    private static IEnumerable<(string Key, string Value)> Strings(JsonNode? node) =>
        node is JsonObject map
            ? map.Where(p => p.Value is JsonValue v && v.TryGetValue<string>(out _)).Select(p => (p.Key, p.Value!.GetValue<string>()))
            : [];

    private static string Decode(string base64)
    {
        var buffer = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, buffer, out var written) ? Encoding.UTF8.GetString(buffer, 0, written) : base64;
    }
}
