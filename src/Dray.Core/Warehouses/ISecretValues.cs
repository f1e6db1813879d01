namespace Dray.Core.Warehouses;

/// <summary>
/// Reads a Secret's plain-text values. The server stores Secret data encrypted, so it supplies its own reader;
/// <see cref="StoredSecretValues"/> reads unencrypted stores.
/// </summary>
public interface ISecretValues
{
    /// <returns>The values with Kubernetes semantics (stringData over base64 data), or null when the Secret is gone.</returns>
    Task<IReadOnlyDictionary<string, string>?> ReadAsync(string project, string name, CancellationToken cancellationToken);
}
