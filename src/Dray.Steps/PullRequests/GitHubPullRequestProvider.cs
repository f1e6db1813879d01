using System.Net;
using System.Text.Json.Nodes;
using Dray.Steps.ApiClients;

namespace Dray.Steps.PullRequests;

/// <summary>GitHub REST v3 (api.github.com, or <c>/api/v3</c> on GitHub Enterprise Server).</summary>
internal sealed class GitHubPullRequestProvider(ApiTransport transport, Uri apiBase, RepositoryUrl repo) : IPullRequestProvider
{
    private readonly string _repoPath = $"repos/{JsonRead.Escape(repo.Owner)}/{JsonRead.Escape(repo.Name)}";

    public PullRequestProviderKind Kind => PullRequestProviderKind.GitHub;

    public async Task<PullRequest> OpenAsync(OpenPullRequestRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = $"?head={JsonRead.Escape(repo.Owner + ":" + request.SourceBranch)}&base={JsonRead.Escape(request.TargetBranch)}&state=open";
        var list = await transport.SendAsync(HttpMethod.Get, Url($"{_repoPath}/pulls{query}"), null, ct);
        if (!list.IsSuccess)
        {
            throw transport.Failure(list, "listing open pull requests");
        }

        if (list.Body is JsonArray { Count: > 0 } existing)
        {
            return Read(existing[0]);
        }

        var body = new JsonObject
        {
            ["title"] = request.Title,
            ["head"] = request.SourceBranch,
            ["base"] = request.TargetBranch,
            ["body"] = request.Description ?? string.Empty,
        };
        var created = await transport.SendAsync(HttpMethod.Post, Url($"{_repoPath}/pulls"), body, ct);
        if (!created.IsSuccess)
        {
            throw transport.Failure(created, $"opening a pull request from {request.SourceBranch} into {request.TargetBranch}");
        }

        var pr = Read(created.Body);
        if (request.Labels is { Count: > 0 } labels)
        {
            // GitHub does not take labels on create; they go on the pull request's issue.
            var labelBody = new JsonObject { ["labels"] = new JsonArray(labels.Select(l => (JsonNode?)l).ToArray()) };
            var labelled = await transport.SendAsync(HttpMethod.Post, Url($"{_repoPath}/issues/{pr.Number}/labels"), labelBody, ct);
            if (!labelled.IsSuccess)
            {
                throw transport.Failure(labelled, $"labelling pull request #{pr.Number}");
            }
        }

        return pr;
    }

    public async Task<PullRequest> GetAsync(long number, CancellationToken ct)
    {
        var response = await transport.SendAsync(HttpMethod.Get, Url($"{_repoPath}/pulls/{number}"), null, ct);
        return response.IsSuccess ? Read(response.Body) : throw transport.Failure(response, $"reading pull request #{number}");
    }

    public async Task<MergeOutcome> MergeAsync(long number, string? mergeMethod, CancellationToken ct)
    {
        var pr = await GetAsync(number, ct);
        if (MergeOutcome.Settled(pr, $"GitHub: pull request #{number} is closed without being merged.") is { } settled)
        {
            return settled;
        }

        var body = new JsonObject { ["merge_method"] = mergeMethod ?? "merge" };
        if (pr.HeadSha is { } sha)
        {
            body["sha"] = sha;
        }

        var response = await transport.SendAsync(HttpMethod.Put, Url($"{_repoPath}/pulls/{number}/merge"), body, ct);
        if (response.StatusCode is HttpStatusCode.MethodNotAllowed or HttpStatusCode.Conflict)
        {
            return MergeOutcome.NotYet(JsonRead.Str(response.Body?["message"]) ?? "not mergeable");
        }

        if (!response.IsSuccess)
        {
            throw transport.Failure(response, $"merging pull request #{number}");
        }

        return MergeOutcome.Done(pr with
        {
            State = PullRequestState.Merged,
            MergeCommitSha = JsonRead.Str(response.Body?["sha"]) ?? pr.MergeCommitSha,
        });
    }

    private Uri Url(string relative) => new(apiBase, relative);

    private static PullRequest Read(JsonNode? node)
    {
        var merged = JsonRead.Bool(node?["merged"]) == true || JsonRead.Str(node?["merged_at"]) is not null;
        var state = merged ? PullRequestState.Merged
            : JsonRead.Str(node?["state"]) == "open" ? PullRequestState.Open : PullRequestState.Closed;
        return new PullRequest(
            JsonRead.Long(node?["number"]) ?? 0,
            JsonRead.Str(node?["html_url"]) ?? string.Empty,
            state,
            JsonRead.Str(node?["head"]?["ref"]) ?? string.Empty,
            JsonRead.Str(node?["base"]?["ref"]) ?? string.Empty,
            merged ? JsonRead.Str(node?["merge_commit_sha"]) : null,
            JsonRead.Str(node?["head"]?["sha"]),
            JsonRead.Bool(node?["mergeable"]));
    }
}
