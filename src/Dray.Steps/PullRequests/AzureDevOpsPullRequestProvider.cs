using System.Net;
using System.Text.Json.Nodes;
using Dray.Steps.ApiClients;

namespace Dray.Steps.PullRequests;

/// <summary>
/// Azure DevOps Git pull requests (api-version 7.1, per the published git.json). <paramref name="apiBase"/> ends in
/// <c>_apis/git/repositories/{repository}/</c>; <paramref name="webBase"/> is the repository's <c>_git/{repository}</c> page.
/// </summary>
internal sealed class AzureDevOpsPullRequestProvider(ApiTransport transport, Uri apiBase, string webBase) : IPullRequestProvider
{
    private const string ApiVersion = "api-version=7.1";

    public PullRequestProviderKind Kind => PullRequestProviderKind.AzureDevOps;

    public async Task<PullRequest> OpenAsync(OpenPullRequestRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = $"?searchCriteria.sourceRefName={JsonRead.Escape(Ref(request.SourceBranch))}"
            + $"&searchCriteria.targetRefName={JsonRead.Escape(Ref(request.TargetBranch))}&searchCriteria.status=active&{ApiVersion}";
        var list = await transport.SendAsync(HttpMethod.Get, Url($"pullrequests{query}"), null, ct);
        if (!list.IsSuccess)
        {
            throw transport.Failure(list, "listing active pull requests");
        }

        // The service wraps collections as {count, value}; the published schema describes the bare array.
        var items = list.Body as JsonArray ?? list.Body?["value"] as JsonArray ?? [];
        if (items.Count > 0)
        {
            return Read(items[0]);
        }

        var body = new JsonObject
        {
            ["sourceRefName"] = Ref(request.SourceBranch),
            ["targetRefName"] = Ref(request.TargetBranch),
            ["title"] = request.Title,
            ["description"] = request.Description ?? string.Empty,
        };
        if (request.Labels is { Count: > 0 } labels)
        {
            body["labels"] = new JsonArray(labels.Select(l => (JsonNode?)new JsonObject { ["name"] = l }).ToArray());
        }

        var created = await transport.SendAsync(HttpMethod.Post, Url($"pullrequests?{ApiVersion}"), body, ct);
        return created.IsSuccess
            ? Read(created.Body)
            : throw transport.Failure(created, $"opening a pull request from {request.SourceBranch} into {request.TargetBranch}");
    }

    public async Task<PullRequest> GetAsync(long number, CancellationToken ct)
    {
        var response = await transport.SendAsync(HttpMethod.Get, Url($"pullrequests/{number}?{ApiVersion}"), null, ct);
        return response.IsSuccess ? Read(response.Body) : throw transport.Failure(response, $"reading pull request {number}");
    }

    public async Task<MergeOutcome> MergeAsync(long number, string? mergeMethod, CancellationToken ct)
    {
        var pr = await GetAsync(number, ct);
        if (MergeOutcome.Settled(pr, $"Azure DevOps: pull request {number} is abandoned.") is { } settled)
        {
            return settled;
        }

        if (pr.Mergeable == false)
        {
            return MergeOutcome.NotYet("the pull request has merge conflicts or its merge has not been evaluated yet");
        }

        var body = new JsonObject
        {
            ["status"] = "completed",
            ["completionOptions"] = new JsonObject { ["mergeStrategy"] = mergeMethod ?? "noFastForward" },
        };
        if (pr.HeadSha is { } sha)
        {
            body["lastMergeSourceCommit"] = new JsonObject { ["commitId"] = sha };
        }

        var response = await transport.SendAsync(HttpMethod.Patch, Url($"pullrequests/{number}?{ApiVersion}"), body, ct);
        if (response.StatusCode is HttpStatusCode.Conflict)
        {
            return MergeOutcome.NotYet(JsonRead.Str(response.Body?["message"]) ?? "not mergeable");
        }

        if (!response.IsSuccess)
        {
            throw transport.Failure(response, $"completing pull request {number}");
        }

        var updated = Read(response.Body);
        return updated.IsMerged ? MergeOutcome.Done(updated) : MergeOutcome.NotYet("completion is queued");
    }

    private static string Ref(string branch) =>
        branch.StartsWith("refs/", StringComparison.Ordinal) ? branch : "refs/heads/" + branch;

    private static string Branch(string? refName) =>
        refName is not null && refName.StartsWith("refs/heads/", StringComparison.Ordinal) ? refName["refs/heads/".Length..] : refName ?? string.Empty;

    private Uri Url(string relative) => new(apiBase, relative);

    private PullRequest Read(JsonNode? node)
    {
        var state = JsonRead.Str(node?["status"]) switch
        {
            "active" => PullRequestState.Open,
            "completed" => PullRequestState.Merged,
            _ => PullRequestState.Closed,
        };
        var id = JsonRead.Long(node?["pullRequestId"]) ?? 0;
        var mergeStatus = JsonRead.Str(node?["mergeStatus"]);
        return new PullRequest(
            id,
            $"{webBase}/pullrequest/{id}",
            state,
            Branch(JsonRead.Str(node?["sourceRefName"])),
            Branch(JsonRead.Str(node?["targetRefName"])),
            state == PullRequestState.Merged ? JsonRead.Str(node?["lastMergeCommit"]?["commitId"]) : null,
            JsonRead.Str(node?["lastMergeSourceCommit"]?["commitId"]),
            mergeStatus is null ? null : mergeStatus == "succeeded");
    }
}
