using Dray.Core.Model.Warehouses;

namespace Dray.Sources.Oci;

/// <summary>An image subscription as discovery sees it (the Warehouse <c>image:</c> fields).</summary>
public sealed record ImageDiscoveryRequest
{
    public const int DefaultDiscoveryLimit = 20;
    public const int MaxDiscoveryLimit = 100;

    public required string RepoUrl { get; init; }

    public ImageSelectionStrategy Strategy { get; init; } = ImageSelectionStrategy.SemVer;

    /// <summary>SemVer: a Masterminds constraint. Digest: the mutable tag to track (required).</summary>
    public string? Constraint { get; init; }

    public bool StrictSemvers { get; init; } = true;

    public IReadOnlyList<string> AllowTagsRegexes { get; init; } = [];

    public IReadOnlyList<string> IgnoreTagsRegexes { get; init; } = [];

    /// <summary><c>os/arch[/variant]</c>; only images offering it count. Null accepts any image.</summary>
    public string? Platform { get; init; }

    public int DiscoveryLimit { get; init; } = DefaultDiscoveryLimit;

    public bool InsecureSkipTlsVerify { get; init; }

    /// <summary>Talk plain HTTP to a non-loopback registry (loopback hosts always use it).</summary>
    public bool PlainHttp { get; init; }

    /// <summary>Trust tags to be immutable: remember tag to digest across discoveries.</summary>
    public bool CacheByTag { get; init; }

    /// <summary>
    /// The tags the last discovery kept (from the Warehouse status), best first. SemVer and Lexical discovery resolve
    /// them while the tag list is still loading; a hint only, never trusted for a digest.
    /// </summary>
    public IReadOnlyList<string> PreviousTags { get; init; } = [];

    /// <summary>Applies the Warehouse defaults; the deprecated <c>allowTags</c>/<c>ignoreTags</c> fail as in Kargo 1.11+.</summary>
    /// <exception cref="FormatException">The subscription uses a field discovery refuses.</exception>
    public static ImageDiscoveryRequest FromSubscription(ImageSubscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        if (subscription.AllowTags is not null || subscription.IgnoreTags is { Count: > 0 })
        {
            throw new FormatException("allowTags and ignoreTags are no longer supported; use allowTagsRegexes and ignoreTagsRegexes");
        }

        return new ImageDiscoveryRequest
        {
            RepoUrl = subscription.RepoURL,
            Strategy = subscription.ImageSelectionStrategy ?? ImageSelectionStrategy.SemVer,
            Constraint = subscription.Constraint,
            StrictSemvers = subscription.StrictSemvers ?? true,
            AllowTagsRegexes = subscription.AllowTagsRegexes ?? [],
            IgnoreTagsRegexes = subscription.IgnoreTagsRegexes ?? [],
            Platform = subscription.Platform,
            DiscoveryLimit = subscription.DiscoveryLimit ?? DefaultDiscoveryLimit,
            InsecureSkipTlsVerify = subscription.InsecureSkipTLSVerify ?? false,
            CacheByTag = subscription.CacheByTag ?? false,
        };
    }
}
