namespace Dray.Sources.Helm;

/// <summary>Lists the tags of an OCI repository; implemented over the OCI registry client and wired by the host.</summary>
public interface IOciTagLister
{
    /// <param name="repository">The repository without scheme, such as <c>ghcr.io/org/charts/app</c>.</param>
    Task<IReadOnlyList<string>> ListTagsAsync(
        string repository, HelmCredential? credential, bool insecureSkipTlsVerify, CancellationToken ct);
}
