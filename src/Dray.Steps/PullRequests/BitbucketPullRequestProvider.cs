using System.Net;
using System.Text.Json.Nodes;
using Dray.Steps.ApiClients;

namespace Dray.Steps.PullRequests;

/// <summary>Bitbucket Cloud REST 2.0 pull requests.</summary>
internal sealed class BitbucketPullRequestProvider(ApiTransport transport, Uri apiBase, RepositoryUrl repo) : IPullRequestProvider
{
    private readonly string _repoPath = $"repositories/{JsonRead.Escape(repo.Owner)}/{JsonRead.Escape(repo.Name)}";

    public PullRequestProviderKind Kind => PullRequestProviderKind.Bitbucket;

    public async Task<PullRequest> OpenAsync(OpenPullRequestRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var filter = $"source.branch.name=\"{request.SourceBranch}\" AND destination.branch.name=\"{request.TargetBranch}\"";
        var list = await transport.SendAsync(HttpMethod.Get, Url($"{_repoPath}/pullrequests?state=OPEN&q={JsonRead.Escape(filter)}"), null, ct);
        if (!list.IsSuccess)
        {
            throw transport.Failure(list, "listing open pull requests");
        }

        var match = (list.Body?["values"] as JsonArray ?? []).FirstOrDefault(pr =>
            JsonRead.Str(pr?["source"]?["branch"]?["name"]) == request.SourceBranch
            && JsonRead.Str(pr?["destination"]?["branch"]?["name"]) == request.TargetBranch);
        if (match is not null)
        {
            return Read(match);
        }

        var body = new JsonObject
        {
            ["title"] = request.Title,
            ["description"] = request.Description ?? string.Empty,
            ["source"] = new JsonObject { ["branch"] = new JsonObject { ["name"] = request.SourceBranch } },
            ["destination"] = new JsonObject { ["branch"] = new JsonObject { ["name"] = request.TargetBranch } },
        };
        var created = await transport.SendAsync(HttpMethod.Post, Url($"{_repoPath}/pullrequests"), body, ct);
        return created.IsSuccess
            ? Read(created.Body)
            : throw transport.Failure(created, $"opening a pull request from {request.SourceBranch} into {request.TargetBranch}");
    }

    public async Task<PullRequest> GetAsync(long number, CancellationToken ct)
    {
        var response = await transport.SendAsync(HttpMethod.Get, Url($"{_repoPath}/pullrequests/{number}"), null, ct);
        return response.IsSuccess ? Read(response.Body) : throw transport.Failure(response, $"reading pull request #{number}");
    }

    public async Task<MergeOutcome> MergeAsync(long number, string? mergeMethod, CancellationToken ct)
    {
        var pr = await GetAsync(number, ct);
        if (MergeOutcome.Settled(pr, $"Bitbucket: pull request #{number} is declined or superseded.") is { } settled)
        {
            return settled;
        }

        // Without a strategy Bitbucket applies the destination branch's configured default.
        var body = new JsonObject();
        if (mergeMethod is not null)
        {
            body["merge_strategy"] = mergeMethod;
        }

        var response = await transport.SendAsync(HttpMethod.Post, Url($"{_repoPath}/pullrequests/{number}/merge"), body, ct);
        if (response.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.BadRequest && JsonRead.Str(response.Body?["error"]?["message"]) is { } why)
        {
            return MergeOutcome.NotYet(why);
        }

        if (response.StatusCode == HttpStatusCode.Accepted)
        {
            return MergeOutcome.NotYet("the merge is running on the server");
        }

        return response.IsSuccess ? MergeOutcome.Done(Read(response.Body)) : throw transport.Failure(response, $"merging pull request #{number}");
    }

    private Uri Url(string relative) => new(apiBase, relative);

    private static PullRequest Read(JsonNode? node)
    {
        var state = JsonRead.Str(node?["state"]) switch
        {
            "OPEN" => PullRequestState.Open,
            "MERGED" => PullRequestState.Merged,
            _ => PullRequestState.Closed,
        };
        return new PullRequest(
            JsonRead.Long(node?["id"]) ?? 0,
            JsonRead.Str(node?["links"]?["html"]?["href"]) ?? string.Empty,
            state,
            JsonRead.Str(node?["source"]?["branch"]?["name"]) ?? string.Empty,
            JsonRead.Str(node?["destination"]?["branch"]?["name"]) ?? string.Empty,
            state == PullRequestState.Merged ? JsonRead.Str(node?["merge_commit"]?["hash"]) : null,
            JsonRead.Str(node?["source"]?["commit"]?["hash"]));
    }
}
