using System.ComponentModel.DataAnnotations;
using Dray.Core.Steps;

namespace Dray.Steps.Git;

public sealed record GitCommitConfig : IValidatableStepConfig
{
    [MinLength(1)]
    public required string Path { get; init; }

    /// <summary>
    /// The commit message. Messages produced by earlier steps are taken the Kargo way, with expressions such as
    /// <c>${{ outputs['update-image'].commitMessage }}</c>.
    /// </summary>
    [MinLength(1)]
    public required string Message { get; init; }

    /// <summary>Deprecated in Kargo (v1.10); overrides the author given to <c>git-clone</c>.</summary>
    public GitAuthorConfig? Author { get; init; }

    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(Message))
        {
            yield return "config.message: must not be blank";
        }

        foreach (var problem in Author?.Validate("config.author") ?? [])
        {
            yield return problem;
        }
    }
}
