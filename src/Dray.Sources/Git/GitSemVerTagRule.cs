using System.Diagnostics.CodeAnalysis;
using Dray.Core.Model.Warehouses;
using Dray.Core.Versioning;
using Dray.Sources.Oci;

namespace Dray.Sources.Git;

/// <summary>
/// Which tags a SemVer git subscription counts: those that parse as semantic versions under its <c>strictSemvers</c>
/// (default true) and satisfy its <c>semverConstraint</c>. Discovery orders tags with it; the webhook matcher asks it
/// whether a pushed tag can matter.
/// </summary>
public sealed class GitSemVerTagRule
{
    private GitSemVerTagRule(MastermindsConstraint? constraint, bool strictSemvers)
    {
        Constraint = constraint;
        StrictSemvers = strictSemvers;
    }

    public MastermindsConstraint? Constraint { get; }

    public bool StrictSemvers { get; }

    /// <summary>The rule of <paramref name="subscription"/>, or the reason its <c>semverConstraint</c> does not parse.</summary>
    public static bool TryCreate(
        GitSubscription subscription, [NotNullWhen(true)] out GitSemVerTagRule? rule, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        MastermindsConstraint? constraint = null;
        if (!string.IsNullOrWhiteSpace(subscription.SemverConstraint)
            && !MastermindsConstraint.TryParse(subscription.SemverConstraint, out constraint, out error))
        {
            rule = null;
            return false;
        }

        rule = new GitSemVerTagRule(constraint, subscription.StrictSemvers ?? true);
        error = null;
        return true;
    }

    public bool Admits(string tag) => TagOrdering.Qualifies(tag, Constraint, StrictSemvers, out _);

    /// <summary>The admitted tags, highest version first.</summary>
    public IReadOnlyList<string> Order(IEnumerable<string> tags) => TagOrdering.SemVer(tags, Constraint, StrictSemvers);
}
