using Dray.Core.Model.Common;
using Dray.Core.Model.Kubernetes;
using Dray.Core.Steps;

namespace Dray.Steps.Tests.Git;

/// <summary>A project whose only Secret is a git credential with the given token.</summary>
public sealed class GitCredentials(string token) : IStepSecrets
{
    public List<(string Type, string RepoUrl)> Lookups { get; } = [];

    public ValueTask<Secret?> GetAsync(string name, CancellationToken ct) => ValueTask.FromResult<Secret?>(null);

    public ValueTask<Secret?> FindCredentialsAsync(string credentialType, string repoUrl, CancellationToken ct)
    {
        Lookups.Add((credentialType, repoUrl));
        return ValueTask.FromResult<Secret?>(credentialType == CredentialType.Git
            ? new Secret
            {
                Metadata = new ObjectMeta { Name = "git-creds" },
                StringData = new Dictionary<string, string> { ["username"] = "kargo", ["password"] = token },
            }
            : null);
    }
}
