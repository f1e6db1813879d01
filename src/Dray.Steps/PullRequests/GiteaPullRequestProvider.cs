using System.Net;
using System.Text.Json.Nodes;
using Dray.Steps.ApiClients;

namespace Dray.Steps.PullRequests;

/// <summary>Gitea (and Forgejo) API v1, per Gitea's published swagger.</summary>
internal sealed class GiteaPullRequestProvider(ApiTransport transport, Uri apiBase, RepositoryUrl repo) : IPullRequestProvider
{
    private const int PageSize = 50;
    private readonly string _repoPath = $"repos/{JsonRead.Escape(repo.Owner)}/{JsonRead.Escape(repo.Name)}";

    public PullRequestProviderKind Kind => PullRequestProviderKind.Gitea;

    public async Task<PullRequest> OpenAsync(OpenPullRequestRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        for (var page = 1; ; page++)
        {
            var query = $"?state=open&base_branch={JsonRead.Escape(request.TargetBranch)}&page={page}&limit={PageSize}";
            var list = await transport.SendAsync(HttpMethod.Get, Url($"{_repoPath}/pulls{query}"), null, ct);
            if (!list.IsSuccess)
            {
                throw transport.Failure(list, "listing open pull requests");
            }

            var items = list.Body as JsonArray ?? [];
            var match = items.FirstOrDefault(pr =>
                JsonRead.Str(pr?["head"]?["ref"]) == request.SourceBranch && JsonRead.Str(pr?["base"]?["ref"]) == request.TargetBranch);
            if (match is not null)
            {
                return Read(match);
            }

            if (items.Count < PageSize)
            {
                break;
            }
        }

        var body = new JsonObject
        {
            ["head"] = request.SourceBranch,
            ["base"] = request.TargetBranch,
            ["title"] = request.Title,
            ["body"] = request.Description ?? string.Empty,
        };
        if (request.Labels is { Count: > 0 } labels)
        {
            body["labels"] = await LabelIdsAsync(labels, ct);
        }

        var created = await transport.SendAsync(HttpMethod.Post, Url($"{_repoPath}/pulls"), body, ct);
        return created.IsSuccess
            ? Read(created.Body)
            : throw transport.Failure(created, $"opening a pull request from {request.SourceBranch} into {request.TargetBranch}");
    }

    public async Task<PullRequest> GetAsync(long number, CancellationToken ct)
    {
        var response = await transport.SendAsync(HttpMethod.Get, Url($"{_repoPath}/pulls/{number}"), null, ct);
        return response.IsSuccess ? Read(response.Body) : throw transport.Failure(response, $"reading pull request #{number}");
    }

    public async Task<MergeOutcome> MergeAsync(long number, string? mergeMethod, CancellationToken ct)
    {
        var pr = await GetAsync(number, ct);
        if (MergeOutcome.Settled(pr, $"Gitea: pull request #{number} is closed without being merged.") is { } settled)
        {
            return settled;
        }

        var body = new JsonObject { ["do"] = mergeMethod ?? "merge" };
        if (pr.HeadSha is { } sha)
        {
            body["head_commit_id"] = sha;
        }

        var response = await transport.SendAsync(HttpMethod.Post, Url($"{_repoPath}/pulls/{number}/merge"), body, ct);
        if (response.StatusCode is HttpStatusCode.MethodNotAllowed or HttpStatusCode.Conflict or HttpStatusCode.Locked)
        {
            return MergeOutcome.NotYet(JsonRead.Str(response.Body?["message"]) ?? "not mergeable");
        }

        if (!response.IsSuccess)
        {
            throw transport.Failure(response, $"merging pull request #{number}");
        }

        // The merge endpoint answers with an empty body; the merge commit is on the pull request.
        return MergeOutcome.Done(await GetAsync(number, ct));
    }

    private async Task<JsonArray> LabelIdsAsync(IReadOnlyList<string> names, CancellationToken ct)
    {
        var response = await transport.SendAsync(HttpMethod.Get, Url($"{_repoPath}/labels?limit={PageSize}"), null, ct);
        if (!response.IsSuccess)
        {
            throw transport.Failure(response, "listing labels");
        }

        var byName = (response.Body as JsonArray ?? [])
            .Where(l => JsonRead.Str(l?["name"]) is not null && JsonRead.Long(l?["id"]) is not null)
            .GroupBy(l => JsonRead.Str(l?["name"])!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => JsonRead.Long(g.First()?["id"])!.Value, StringComparer.Ordinal);
        var missing = names.Where(n => !byName.ContainsKey(n)).ToArray();
        if (missing.Length > 0)
        {
            throw new ApiException($"Gitea: the repository has no label(s) {string.Join(", ", missing)}.", HttpStatusCode.UnprocessableEntity, terminal: true);
        }

        return new JsonArray(names.Select(n => (JsonNode?)byName[n]).ToArray());
    }

    private Uri Url(string relative) => new(apiBase, relative);

    private static PullRequest Read(JsonNode? node)
    {
        var merged = JsonRead.Bool(node?["merged"]) == true;
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
