namespace Dray.Sources.Oci;

/// <summary>
/// What the operator allows of <c>cacheByTag</c> (remembering tag to digest, safe only for immutable tags), for every
/// image subscription on the server. It has no effect on the Digest strategy, which tracks a tag that moves.
/// </summary>
public enum CacheByTagPolicy
{
    /// <summary>Each subscription decides (the default).</summary>
    Allow,

    /// <summary>Never cache by tag, whatever a subscription says.</summary>
    Forbid,

    /// <summary>A subscription must opt in; discovery of one that does not fails with a message saying so.</summary>
    Require,

    /// <summary>Always cache by tag, whatever a subscription says.</summary>
    Force,
}
