using System.ComponentModel.DataAnnotations;
using Dray.Core.Steps;

namespace Dray.Steps.Git;

public sealed record GitPushConfig : IValidatableStepConfig
{
    public const int DefaultMaxAttempts = 10;

    [MinLength(1)]
    public required string Path { get; init; }

    /// <summary>The branch to push to; the checked-out branch when neither this nor <see cref="GenerateTargetBranch"/> is set.</summary>
    public string? TargetBranch { get; init; }

    /// <summary>Push to <c>kargo/promotion/&lt;promotion name&gt;</c>.</summary>
    public bool GenerateTargetBranch { get; init; }

    /// <summary>Overwrite the remote branch instead of integrating its changes.</summary>
    public bool Force { get; init; }

    /// <summary>How many times to push when the remote moved in between (default 10).</summary>
    [Range(1, 100)]
    public int? MaxAttempts { get; init; }

    /// <summary>github, gitlab, gitea, azure or bitbucket: the host's kind, for <c>commitURL</c>; inferred when omitted.</summary>
    public string? Provider { get; init; }

    public IEnumerable<string> Validate()
    {
        if (!string.IsNullOrEmpty(TargetBranch) && GenerateTargetBranch)
        {
            yield return "config: targetBranch and generateTargetBranch are mutually exclusive";
        }

        if (TargetBranch is { Length: > 0 } branch && !GitRefNames.IsValidBranch(branch))
        {
            yield return $"config.targetBranch: \"{branch}\" is not a valid branch name";
        }

        if (Provider is not null && Provider is not ("github" or "gitlab" or "gitea" or "azure" or "bitbucket"))
        {
            yield return $"config.provider: unknown provider \"{Provider}\" (use github, gitlab, gitea, azure or bitbucket)";
        }
    }
}
