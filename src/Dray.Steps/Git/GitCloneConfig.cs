using System.ComponentModel.DataAnnotations;
using Dray.Core.Steps;

namespace Dray.Steps.Git;

public sealed record GitCloneConfig : IValidatableStepConfig
{
    [MinLength(1)]
    public required string RepoURL { get; init; }

    public bool InsecureSkipTLSVerify { get; init; }

    /// <summary>Create the shared mirror with <c>--filter=blob:none</c> (only when it does not exist yet).</summary>
    public bool Blobless { get; init; }

    public bool RecurseSubmodules { get; init; }

    /// <summary>The default author of commits made later in these working trees.</summary>
    public GitAuthorConfig? Author { get; init; }

    [MinLength(1)]
    public required IReadOnlyList<GitCheckoutConfig> Checkout { get; init; }

    public IEnumerable<string> Validate()
    {
        if (!Uri.TryCreate(RepoURL, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            yield return $"config.repoURL: \"{RepoURL}\" is not an http(s) URL";
        }
        else if (uri.UserInfo.Length > 0)
        {
            yield return "config.repoURL: must not contain credentials; put them in a git credentials Secret";
        }

        foreach (var problem in Author?.Validate("config.author") ?? [])
        {
            yield return problem;
        }

        var paths = new HashSet<string>(StringComparer.Ordinal);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Checkout.Count; i++)
        {
            var c = Checkout[i];
            var at = $"config.checkout[{i}]";
            var refs = new[] { c.Branch, c.Commit, c.Tag }.Count(r => !string.IsNullOrEmpty(r));
            if (refs > 1)
            {
                yield return $"{at}: at most one of branch, commit or tag may be set";
            }

            if (!string.IsNullOrEmpty(c.Branch) && !GitRefNames.IsValidBranch(c.Branch))
            {
                yield return $"{at}.branch: \"{c.Branch}\" is not a valid branch name";
            }

            if (c.Create && string.IsNullOrEmpty(c.Branch))
            {
                yield return $"{at}.create: needs branch";
            }

            if (!paths.Add(System.IO.Path.TrimEndingDirectorySeparator(c.Path.Replace('\\', '/')).TrimStart('.', '/')))
            {
                yield return $"{at}.path: \"{c.Path}\" is checked out twice";
            }

            if (!keys.Add(c.As ?? c.Path))
            {
                yield return $"{at}.as: \"{c.As ?? c.Path}\" is used twice";
            }

            foreach (var dir in c.Sparse ?? [])
            {
                if (dir.Length == 0 || dir.Split('/').Contains(".."))
                {
                    yield return $"{at}.sparse: \"{dir}\" is not a directory inside the repository";
                }
            }
        }
    }
}
