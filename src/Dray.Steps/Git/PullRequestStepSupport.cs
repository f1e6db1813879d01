using System.Text.Json.Nodes;
using Dray.Core.Model.Kubernetes;
using Dray.Core.Steps;
using Dray.Steps.PullRequests;

namespace Dray.Steps.Git;

/// <summary>Builds the provider for a step from its config and the project's git credentials.</summary>
public sealed class PullRequestStepSupport(PullRequestProviderFactory factory)
{
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan MinimumPollInterval = TimeSpan.FromSeconds(10);

    public async ValueTask<IPullRequestProvider> ProviderAsync(
        StepContext context, string repoUrl, string? provider, bool insecureSkipTlsVerify, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        PullRequestProviderKind? kind = null;
        if (provider is not null)
        {
            if (!PullRequestProviderNames.TryParse(provider, out kind))
            {
                throw new StepException($"config.provider: unknown provider \"{provider}\" (use github, gitlab, gitea, azure or bitbucket)", terminal: true);
            }
        }

        var secret = await context.Secrets.FindCredentialsAsync(CredentialType.Git, repoUrl, ct);
        string? username = null;
        string? password = null;
        secret?.TryGetValue("username", out username);
        secret?.TryGetValue("password", out password);
        try
        {
            return factory.Create(repoUrl, new PullRequestProviderOptions
            {
                Provider = kind,
                Token = password,

                // Only Basic-auth services use the user name; token services identify the user from the token.
                Username = kind is PullRequestProviderKind.Bitbucket || RepositoryUrl.Parse(repoUrl).Host == "bitbucket.org" ? username : null,
                InsecureSkipTlsVerify = insecureSkipTlsVerify,
            });
        }
        catch (ArgumentException e)
        {
            throw new StepException(e.Message, terminal: true);
        }
    }

    public static TimeSpan PollInterval(string? configured)
    {
        var interval = configured is null ? DefaultPollInterval : DurationText.Parse(configured);
        return interval < MinimumPollInterval ? MinimumPollInterval : interval;
    }

    public static JsonObject PrOutput(PullRequest pr) => new()
    {
        ["id"] = pr.Number,
        ["url"] = pr.Url,
        ["open"] = pr.IsOpen,
        ["merged"] = pr.IsMerged,
    };
}
