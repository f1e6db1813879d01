using Dray.Core.Model.Common;
using Dray.Core.Model.Kubernetes;
using Dray.Core.Steps;

namespace Dray.Steps.Tests.Git;

/// <summary>A project whose git credentials Secret holds the test git server's user and password.</summary>
public sealed class ServerSecrets(string username, string password) : IStepSecrets
{
    public ValueTask<Secret?> GetAsync(string name, CancellationToken ct) => ValueTask.FromResult<Secret?>(null);

    public ValueTask<Secret?> FindCredentialsAsync(string credentialType, string repoUrl, CancellationToken ct) =>
        ValueTask.FromResult<Secret?>(credentialType == CredentialType.Git
            ? new Secret
            {
                Metadata = new ObjectMeta { Name = "git-creds" },
                StringData = new Dictionary<string, string> { ["username"] = username, ["password"] = password },
            }
            : null);
}
