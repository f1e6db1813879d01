using Dray.Sources.Helm;

namespace Dray.Sources.Tests.Helm;

/// <summary>An OCI repository with a fixed tag list; records what it was asked.</summary>
internal sealed class FixedOciTagLister(params string[] tags) : IOciTagLister
{
    public List<string> Requested { get; } = [];

    public Task<IReadOnlyList<string>> ListTagsAsync(string repository, HelmCredential? credential, bool insecureSkipTlsVerify, CancellationToken ct)
    {
        Requested.Add(repository);
        return Task.FromResult<IReadOnlyList<string>>(tags);
    }
}
