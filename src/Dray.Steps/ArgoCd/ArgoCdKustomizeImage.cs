namespace Dray.Steps.ArgoCd;

/// <summary>A kustomize image override: <c>repoURL[=newName]:tag</c> or <c>repoURL[=newName]@digest</c>.</summary>
public sealed record ArgoCdKustomizeImage(string RepoUrl, string? Tag = null, string? Digest = null, string? NewName = null)
{
    public string Render()
    {
        var name = NewName is { Length: > 0 } n ? $"{RepoUrl}={n}" : RepoUrl;
        return Digest is { Length: > 0 } d ? $"{name}@{d}" : $"{name}:{Tag}";
    }
}
