using System.Net.Http.Headers;
using System.Text;
using Dray.Steps.ApiClients;
using Microsoft.Extensions.Logging;

namespace Dray.Steps.PullRequests;

/// <summary>Builds the provider for a repository URL: picks the service, derives its API root and its auth header.</summary>
public sealed class PullRequestProviderFactory(
    IHttpClientFactory httpClients,
    ApiTransportOptions transportOptions,
    TimeProvider timeProvider,
    ILoggerFactory loggerFactory)
{
    public const string HttpClientName = "dray-git-hosting";
    public const string InsecureHttpClientName = "dray-git-hosting-insecure";

    public IPullRequestProvider Create(string repoUrl, PullRequestProviderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var repo = RepositoryUrl.Parse(repoUrl);
        var kind = options.Provider ?? PullRequestProviderNames.Infer(repo)
            ?? throw new ArgumentException(
                $"Cannot tell which git hosting service {repo.Host} runs; set provider to one of github, gitlab, gitea, azure, bitbucket.");
        var http = httpClients.CreateClient(options.InsecureSkipTlsVerify ? InsecureHttpClientName : HttpClientName);
        var logger = loggerFactory.CreateLogger<PullRequestProviderFactory>();
        var token = options.Token;
        ApiTransport Transport(string service, Action<HttpRequestHeaders> auth) =>
            new(http, service, auth, [token, options.Username is null ? null : Basic(options.Username, token)], transportOptions, timeProvider, logger);

        switch (kind)
        {
            case PullRequestProviderKind.GitHub:
                var gitHubBase = options.ApiBaseUrl ?? new Uri(repo.Host == "github.com" ? "https://api.github.com/" : $"{repo.Origin}/api/v3/");
                return new GitHubPullRequestProvider(
                    Transport("GitHub", h =>
                    {
                        SetBearer(h, token);
                        h.TryAddWithoutValidation("X-GitHub-Api-Version", "2022-11-28");
                        h.UserAgent.ParseAdd("dray");
                    }),
                    Slash(gitHubBase),
                    repo);
            case PullRequestProviderKind.GitLab:
                return new GitLabPullRequestProvider(
                    Transport("GitLab", h =>
                    {
                        if (!string.IsNullOrEmpty(token))
                        {
                            h.TryAddWithoutValidation("PRIVATE-TOKEN", token);
                        }
                    }),
                    Slash(options.ApiBaseUrl ?? new Uri($"{repo.Origin}/api/v4/")),
                    repo);
            case PullRequestProviderKind.Gitea:
                return new GiteaPullRequestProvider(
                    Transport("Gitea", h =>
                    {
                        if (!string.IsNullOrEmpty(token))
                        {
                            h.Authorization = new AuthenticationHeaderValue("token", token);
                        }
                    }),
                    Slash(options.ApiBaseUrl ?? new Uri($"{repo.Origin}/api/v1/")),
                    repo);
            case PullRequestProviderKind.AzureDevOps:
                var (apiBase, webBase) = AzureBases(repo);
                return new AzureDevOpsPullRequestProvider(
                    Transport("Azure DevOps", h => SetBasic(h, options.Username ?? string.Empty, token)),
                    Slash(options.ApiBaseUrl ?? apiBase),
                    webBase);
            case PullRequestProviderKind.Bitbucket:
                return new BitbucketPullRequestProvider(
                    Transport("Bitbucket", h =>
                    {
                        if (options.Username is { } user)
                        {
                            SetBasic(h, user, token);
                        }
                        else
                        {
                            SetBearer(h, token);
                        }
                    }),
                    Slash(options.ApiBaseUrl ?? new Uri(repo.Host == "bitbucket.org" ? "https://api.bitbucket.org/2.0/" : $"{repo.Origin}/2.0/")),
                    repo);
            default:
                throw new ArgumentOutOfRangeException(nameof(options), kind, "Unknown git hosting provider.");
        }
    }

    /// <summary>Everything before <c>_git</c> is the organization/collection and project; after it, the repository.</summary>
    private static (Uri Api, string Web) AzureBases(RepositoryUrl repo)
    {
        var segments = repo.Segments.ToList();
        if (repo.Host == "ssh.dev.azure.com" && segments.Count >= 4 && segments[0] == "v3")
        {
            // git@ssh.dev.azure.com:v3/org/project/repo
            return Build("https://dev.azure.com", segments[1..3], segments[3]);
        }

        var git = segments.IndexOf("_git");
        if (git < 1 || git != segments.Count - 2)
        {
            throw new ArgumentException($"\"{repo.Origin}/{repo.FullPath}\" is not an Azure DevOps repository URL (expected .../<project>/_git/<repository>).");
        }

        return Build(repo.Origin, segments[..git], segments[^1]);

        static (Uri, string) Build(string origin, IEnumerable<string> prefix, string name)
        {
            var path = string.Join('/', prefix.Select(JsonRead.Escape));
            return (new Uri($"{origin}/{path}/_apis/git/repositories/{JsonRead.Escape(name)}/"), $"{origin}/{path}/_git/{JsonRead.Escape(name)}");
        }
    }

    private static Uri Slash(Uri uri) => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");

    private static void SetBearer(HttpRequestHeaders headers, string? token)
    {
        if (!string.IsNullOrEmpty(token))
        {
            headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }

    private static void SetBasic(HttpRequestHeaders headers, string user, string? token)
    {
        if (!string.IsNullOrEmpty(token))
        {
            headers.Authorization = new AuthenticationHeaderValue("Basic", Basic(user, token));
        }
    }

    private static string Basic(string user, string? token) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{token}"));
}
