using Dray.Core.Warehouses;
using Dray.Server.Secrets;

namespace Dray.Server.Controllers;

/// <summary>Lets the Warehouse controller read Secrets through the server's decrypting reader.</summary>
internal sealed class SecretReaderValues(ISecretReader reader) : ISecretValues
{
    public Task<IReadOnlyDictionary<string, string>?> ReadAsync(string project, string name, CancellationToken cancellationToken) =>
        reader.ReadAsync(project, name, cancellationToken);
}
