namespace Dray.Server.Secrets;

/// <summary>Decrypted Secret values, for internal consumers only (steps, source clients). Never for API output.</summary>
public interface ISecretReader
{
    /// <summary>
    /// The Secret's values with Kubernetes semantics: <c>data</c> base64-decoded, overridden by <c>stringData</c>.
    /// Null when the Secret does not exist.
    /// </summary>
    Task<IReadOnlyDictionary<string, string>?> ReadAsync(string project, string name, CancellationToken cancellationToken);
}
