using System.Text.RegularExpressions;
using Dray.Core.FreightIdentity;
using Dray.Core.Model.Kubernetes;

namespace Dray.Core.Warehouses;

/// <summary>
/// Picks the credential Secret for a repository: exact matches of the normalized URL first, then regex matches;
/// within each group the lexically first Secret name wins.
/// </summary>
public static class CredentialMatcher
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    public static CredentialCandidate? Match(IEnumerable<CredentialCandidate> candidates, string credentialType, string repoUrl)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(repoUrl);
        var ordered = candidates.OrderBy(c => c.SecretName, StringComparer.Ordinal).ToList();
        var wanted = Normalize(credentialType, repoUrl);
        return ordered.FirstOrDefault(c => !c.IsRegex && Normalize(credentialType, c.RepoUrl) == wanted)
            ?? ordered.FirstOrDefault(c => c.IsRegex && RegexMatches(c.RepoUrl, repoUrl, wanted));
    }

    /// <summary>The URL form credentials are compared in, per credential type.</summary>
    public static string Normalize(string credentialType, string repoUrl) => credentialType switch
    {
        CredentialType.Git => GitUrl.Normalize(repoUrl),
        CredentialType.Image => ImageUrl.Normalize(repoUrl),
        CredentialType.Helm => ChartUrl.Normalize(repoUrl),
        _ => repoUrl.Trim(),
    };

    /// <summary>A pattern may be written against the URL as the user spells it or in its normalized form.</summary>
    private static bool RegexMatches(string pattern, string repoUrl, string normalized)
    {
        try
        {
            var regex = new Regex(pattern, RegexOptions.CultureInvariant, RegexTimeout);
            return regex.IsMatch(repoUrl) || regex.IsMatch(normalized);
        }
        catch (ArgumentException)
        {
            // A malformed pattern in one Secret must not block the others.
            return false;
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
