namespace Dray.Core.Resources;

/// <summary>Describes one kind of resource that Dray stores and serves.</summary>
/// <param name="Kind">The manifest <c>kind</c>, for example <c>Stage</c>.</param>
/// <param name="ApiVersion">The manifest <c>apiVersion</c>, for example <c>kargo.akuity.io/v1alpha1</c>.</param>
/// <param name="Plural">The lower-case plural used in URLs and the CLI, for example <c>stages</c>.</param>
/// <param name="Namespaced">True when the resource lives in a project; false for cluster-scoped kinds.</param>
/// <param name="Aliases">Other names the CLI accepts (singular, short names).</param>
public sealed record ResourceKind(string Kind, string ApiVersion, string Plural, bool Namespaced, IReadOnlyList<string> Aliases)
{
    public string Group => ApiVersion.Contains('/', StringComparison.Ordinal) ? ApiVersion[..ApiVersion.IndexOf('/', StringComparison.Ordinal)] : "";

    public bool Matches(string name) =>
        string.Equals(name, Kind, StringComparison.OrdinalIgnoreCase)
        || string.Equals(name, Plural, StringComparison.OrdinalIgnoreCase)
        || Aliases.Any(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase));
}
