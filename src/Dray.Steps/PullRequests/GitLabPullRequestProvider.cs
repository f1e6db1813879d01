using System.Net;
using System.Text.Json.Nodes;
using Dray.Steps.ApiClients;

namespace Dray.Steps.PullRequests;

/// <summary>GitLab REST v4 merge requests; the project is addressed by its URL-encoded full path.</summary>
internal sealed class GitLabPullRequestProvider(ApiTransport transport, Uri apiBase, RepositoryUrl repo) : IPullRequestProvider
{
    private readonly string _projectPath = $"projects/{JsonRead.Escape(repo.FullPath)}";

    public PullRequestProviderKind Kind => PullRequestProviderKind.GitLab;

    public async Task<PullRequest> OpenAsync(OpenPullRequestRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = $"?source_branch={JsonRead.Escape(request.SourceBranch)}&target_branch={JsonRead.Escape(request.TargetBranch)}&state=opened";
        var list = await transport.SendAsync(HttpMethod.Get, Url($"{_projectPath}/merge_requests{query}"), null, ct);
        if (!list.IsSuccess)
        {
            throw transport.Failure(list, "listing open merge requests");
        }

        if (list.Body is JsonArray { Count: > 0 } existing)
        {
            return Read(existing[0]);
        }

        var body = new JsonObject
        {
            ["source_branch"] = request.SourceBranch,
            ["target_branch"] = request.TargetBranch,
            ["title"] = request.Title,
            ["description"] = request.Description ?? string.Empty,
        };
        if (request.Labels is { Count: > 0 } labels)
        {
            body["labels"] = string.Join(',', labels);
        }

        var created = await transport.SendAsync(HttpMethod.Post, Url($"{_projectPath}/merge_requests"), body, ct);
        return created.IsSuccess
            ? Read(created.Body)
            : throw transport.Failure(created, $"opening a merge request from {request.SourceBranch} into {request.TargetBranch}");
    }

    public async Task<PullRequest> GetAsync(long number, CancellationToken ct)
    {
        var response = await transport.SendAsync(HttpMethod.Get, Url($"{_projectPath}/merge_requests/{number}"), null, ct);
        return response.IsSuccess ? Read(response.Body) : throw transport.Failure(response, $"reading merge request !{number}");
    }

    public async Task<MergeOutcome> MergeAsync(long number, string? mergeMethod, CancellationToken ct)
    {
        var pr = await GetAsync(number, ct);
        if (MergeOutcome.Settled(pr, $"GitLab: merge request !{number} is closed without being merged.") is { } settled)
        {
            return settled;
        }

        var body = new JsonObject { ["squash"] = string.Equals(mergeMethod, "squash", StringComparison.OrdinalIgnoreCase) };
        if (pr.HeadSha is { } sha)
        {
            body["sha"] = sha;
        }

        var response = await transport.SendAsync(HttpMethod.Put, Url($"{_projectPath}/merge_requests/{number}/merge"), body, ct);
        if (response.StatusCode is HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotAcceptable
            or HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity)
        {
            return MergeOutcome.NotYet(JsonRead.Str(response.Body?["message"]) ?? "not mergeable");
        }

        return response.IsSuccess ? MergeOutcome.Done(Read(response.Body)) : throw transport.Failure(response, $"merging merge request !{number}");
    }

    private Uri Url(string relative) => new(apiBase, relative);

    private static PullRequest Read(JsonNode? node)
    {
        var state = JsonRead.Str(node?["state"]) switch
        {
            "opened" or "locked" => PullRequestState.Open,
            "merged" => PullRequestState.Merged,
            _ => PullRequestState.Closed,
        };
        var mergeStatus = JsonRead.Str(node?["detailed_merge_status"]) ?? JsonRead.Str(node?["merge_status"]);
        return new PullRequest(
            JsonRead.Long(node?["iid"]) ?? 0,
            JsonRead.Str(node?["web_url"]) ?? string.Empty,
            state,
            JsonRead.Str(node?["source_branch"]) ?? string.Empty,
            JsonRead.Str(node?["target_branch"]) ?? string.Empty,
            state == PullRequestState.Merged ? JsonRead.Str(node?["merge_commit_sha"]) ?? JsonRead.Str(node?["squash_commit_sha"]) : null,
            JsonRead.Str(node?["sha"]),
            mergeStatus is null ? null : mergeStatus is "mergeable" or "can_be_merged");
    }
}
