namespace Dray.Sources.Oci;

/// <summary>One idempotent call to a repository's API; <paramref name="Subject"/> names it in errors.</summary>
internal sealed record RegistryRequest(
    RegistryConnection Connection,
    HttpMethod Method,
    Uri Uri,
    IReadOnlyList<string> Accept,
    string Subject);
