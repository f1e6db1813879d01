namespace Dray.Core.Warehouses;

/// <summary>One credential Secret as the matcher sees it: its name and its <c>repoURL</c> / <c>repoURLIsRegex</c> values.</summary>
public sealed record CredentialCandidate(string SecretName, string RepoUrl, bool IsRegex);
