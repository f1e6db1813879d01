namespace Dray.Server.Webhooks;

/// <summary>What a delivery says changed.</summary>
/// <param name="Kind">The kind of repository.</param>
/// <param name="RepoUrls">Every spelling of the repository the payload gives (clone, web, SSH URLs); any may match.</param>
/// <param name="ChangedPaths">Files a git push changed; null when the provider does not say (then no path filtering).</param>
/// <param name="Description">For logs and the response, e.g. <c>push to refs/heads/main</c>.</param>
/// <param name="Refs">
/// The full refs a git push updated (<c>refs/heads/main</c>, <c>refs/tags/v1.2.0</c>); null when the provider does not
/// say (then every subscription to the repository is concerned, whatever its branch or strategy).
/// </param>
/// <param name="DefaultBranch">The repository's default branch when the payload names it (short name); null when unknown.</param>
/// <param name="PullRequest">For a pull request event, the number the hosting API knows it by (GitLab's <c>iid</c>).</param>
public sealed record WebhookEvent(
    WebhookArtifactKind Kind,
    IReadOnlyList<string> RepoUrls,
    IReadOnlyList<string>? ChangedPaths,
    string Description,
    IReadOnlyList<string>? Refs = null,
    string? DefaultBranch = null,
    long? PullRequest = null);
