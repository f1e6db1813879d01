using System.Text.Json.Nodes;
using Dray.Steps.PullRequests;
using Dray.Steps.Tests.Contracts;

namespace Dray.Steps.Tests.PullRequests;

/// <summary>
/// Self-managed GitLab (<c>/api/v4</c>), with a nested group. NO SPEC FILE: GitLab's openapi_v2.yaml was not copied to
/// shared/specs (the repository is 2.75 GB), so requests are checked against the operations documented at
/// https://docs.gitlab.com/api/merge_requests/ (list project MRs, create MR, get single MR, merge MR) and fixtures
/// follow the example responses there.
/// </summary>
public sealed class GitLabPullRequestProviderTests_DocumentedExamplesNoSpec : PullRequestProviderCompliance
{
    private const string Project = "platform%2Fapps%2Fdeploy";

    private static readonly DocumentedSurface Docs = new("/api/v4",
    [
        ("GET", "/projects/{id}/merge_requests", []),
        ("POST", "/projects/{id}/merge_requests", ["source_branch", "target_branch", "title"]),
        ("GET", "/projects/{id}/merge_requests/{merge_request_iid}", []),
        ("PUT", "/projects/{id}/merge_requests/{merge_request_iid}/merge", []),
    ]);

    protected override SwaggerSpec? Spec => null;

    protected override DocumentedSurface? Surface => Docs;

    protected override string RepoUrl(Uri server) => $"{server}platform/apps/deploy.git";

    protected override PullRequestProviderOptions Options(Uri server) =>
        new() { Provider = PullRequestProviderKind.GitLab, Token = Token };

    protected override bool AuthHeaderCarriesToken(RecordedRequest r) => r.Headers["PRIVATE-TOKEN"] == Token;

    protected override Reply Error(int status, string message) => new(status, new JsonObject { ["message"] = message });

    protected override Reply Handle(RecordedRequest r)
    {
        // The project id is one URL-encoded path segment.
        r.RawUrl.ShouldStartWith($"/api/v4/projects/{Project}/");
        var rest = r.RawUrl.Split('?')[0][$"/api/v4/projects/{Project}/".Length..].Split('/');
        switch (r.Method, rest)
        {
            case ("GET", ["merge_requests"]):
                r.Query["state"].ShouldBe("opened");
                var open = Repo.PullRequests.Where(p => p.State == "open" && p.Source == r.Query["source_branch"] && p.Target == r.Query["target_branch"]);
                return new Reply(200, new JsonArray(open.Select(p => (JsonNode?)Mr(p)).ToArray()));
            case ("POST", ["merge_requests"]):
                var created = Repo.Add((string)r.Body!["source_branch"]!, (string)r.Body!["target_branch"]!);
                created.Labels = ((string?)r.Body!["labels"] ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries);
                return new Reply(201, Mr(created));
            case ("GET", ["merge_requests", var n]):
                return Repo.Find(long.Parse(n)) is { } pr ? new Reply(200, Mr(pr)) : Error(404, "404 Not found");
            case ("PUT", ["merge_requests", var n, "merge"]):
                var target = Repo.Find(long.Parse(n))!;
                ((string?)r.Body!["sha"]).ShouldBe(target.Head);
                FakeRepository.Merge(target);
                return new Reply(200, Mr(target));
            default:
                return Error(404, "404 Not found");
        }
    }

    private static JsonObject Mr(FakePullRequest p) => new()
    {
        ["id"] = 1000 + p.Number,
        ["iid"] = p.Number,
        ["project_id"] = 3,
        ["state"] = p.State == "open" ? "opened" : p.State,
        ["source_branch"] = p.Source,
        ["target_branch"] = p.Target,
        ["sha"] = p.Head,
        ["merge_commit_sha"] = p.MergeCommit,
        ["squash_commit_sha"] = null,
        ["detailed_merge_status"] = p.Mergeable ? "mergeable" : "conflict",
        ["web_url"] = $"https://gitlab.example/platform/apps/deploy/-/merge_requests/{p.Number}",
    };
}
