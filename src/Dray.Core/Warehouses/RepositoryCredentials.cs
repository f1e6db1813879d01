namespace Dray.Core.Warehouses;

/// <summary>Credentials for one repository, read from a project Secret. <see cref="ToString"/> never shows secrets.</summary>
/// <param name="SecretName">The Secret they came from, for messages.</param>
public sealed record RepositoryCredentials(string SecretName, string? Username, string? Password, string? SshPrivateKey = null)
{
    public override string ToString() => $"credentials from Secret \"{SecretName}\"" + (Username is null ? "" : $" (user {Username})");
}
