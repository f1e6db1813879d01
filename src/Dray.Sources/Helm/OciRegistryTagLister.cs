using Dray.Sources.Oci;

namespace Dray.Sources.Helm;

/// <summary><see cref="IOciTagLister"/> over the OCI registry client: chart tags share its rate limits and token cache.</summary>
public sealed class OciRegistryTagLister(OciRegistryClient client) : IOciTagLister
{
    public async Task<IReadOnlyList<string>> ListTagsAsync(
        string repository, HelmCredential? credential, bool insecureSkipTlsVerify, CancellationToken ct)
    {
        if (!ImageReference.TryParse(repository, allowPlainHttp: false, out var image, out var error))
        {
            throw new HelmException(HelmErrorKind.InvalidSubscription, $"'oci://{repository}' is not a valid OCI chart repository: {error}");
        }

        var connection = new RegistryConnection(
            image,
            credential is null ? null : new RegistryCredential(credential.Username, credential.Password),
            insecureSkipTlsVerify);
        try
        {
            return await client.ListTagsAsync(connection, ct).ConfigureAwait(false);
        }
        catch (RegistryAuthenticationException e)
        {
            throw new HelmException(HelmErrorKind.AuthenticationFailed, $"authentication failed for oci://{repository}: {e.Message}", e);
        }
        catch (RegistryNotFoundException e)
        {
            throw new HelmException(HelmErrorKind.RepositoryNotFound, $"chart repository not found: oci://{repository}", e);
        }
        catch (RegistryException e)
        {
            throw new HelmException(UntrustedCertificate.Is(e) ? HelmErrorKind.UntrustedCertificate : HelmErrorKind.Other, $"listing tags of oci://{repository} failed: {e.Message}", e);
        }
    }
}
