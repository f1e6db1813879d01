using System.Text.Json.Nodes;
using Dray.Steps.PullRequests;
using Dray.Steps.Tests.Contracts;

namespace Dray.Steps.Tests.PullRequests;

/// <summary>
/// GitHub Enterprise Server (<c>/api/v3</c>). NO SPEC FILE: github/rest-api-description is 11-13 MB and was not copied to
/// shared/specs, so requests are checked against the operations documented at https://docs.github.com/en/rest/pulls/pulls
/// ("List", "Create", "Get", "Merge a pull request") and https://docs.github.com/en/rest/issues/labels ("Add labels"),
/// and fixtures follow the example responses on those pages.
/// </summary>
public sealed class GitHubPullRequestProviderTests_DocumentedExamplesNoSpec : PullRequestProviderCompliance
{
    private static readonly DocumentedSurface Docs = new("/api/v3",
    [
        ("GET", "/repos/{owner}/{repo}/pulls", []),
        ("POST", "/repos/{owner}/{repo}/pulls", ["head", "base"]),
        ("GET", "/repos/{owner}/{repo}/pulls/{pull_number}", []),
        ("PUT", "/repos/{owner}/{repo}/pulls/{pull_number}/merge", []),
        ("POST", "/repos/{owner}/{repo}/issues/{issue_number}/labels", ["labels"]),
    ]);

    protected override SwaggerSpec? Spec => null;

    protected override DocumentedSurface? Surface => Docs;

    protected override string RepoUrl(Uri server) => $"{server}acme/deploy.git";

    protected override PullRequestProviderOptions Options(Uri server) =>
        new() { Provider = PullRequestProviderKind.GitHub, Token = Token };

    protected override bool AuthHeaderCarriesToken(RecordedRequest r) =>
        r.Headers["Authorization"] == $"Bearer {Token}" && r.Headers["X-GitHub-Api-Version"] == "2022-11-28";

    protected override Reply Error(int status, string message) =>
        new(status, new JsonObject { ["message"] = message, ["documentation_url"] = "https://docs.github.com/rest" });

    protected override Reply Handle(RecordedRequest r)
    {
        var parts = r.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        parts[..5].ShouldBe(["api", "v3", "repos", "acme", "deploy"]);
        switch (r.Method, parts[5..])
        {
            case ("GET", ["pulls"]):
                r.Query["state"].ShouldBe("open");
                var open = Repo.PullRequests.Where(p => p.State == "open" && "acme:" + p.Source == r.Query["head"] && p.Target == r.Query["base"]);
                return new Reply(200, new JsonArray(open.Select(p => (JsonNode?)Pr(p)).ToArray()));
            case ("POST", ["pulls"]):
                return new Reply(201, Pr(Repo.Add((string)r.Body!["head"]!, (string)r.Body!["base"]!)));
            case ("POST", ["issues", var n, "labels"]):
                Repo.Find(long.Parse(n))!.Labels = ((JsonArray)r.Body!["labels"]!).Select(l => (string)l!).ToArray();
                return new Reply(200, new JsonArray(new JsonObject { ["id"] = 208045946, ["name"] = "promotion" }));
            case ("GET", ["pulls", var n]):
                return Repo.Find(long.Parse(n)) is { } pr ? new Reply(200, Pr(pr)) : Error(404, "Not Found");
            case ("PUT", ["pulls", var n, "merge"]):
                var target = Repo.Find(long.Parse(n))!;
                ((string?)r.Body!["sha"]).ShouldBe(target.Head);
                FakeRepository.Merge(target);
                return new Reply(200, new JsonObject { ["sha"] = target.MergeCommit, ["merged"] = true, ["message"] = "Pull Request successfully merged" });
            default:
                return Error(404, "Not Found");
        }
    }

    private static JsonObject Pr(FakePullRequest p) => new()
    {
        ["number"] = p.Number,
        ["html_url"] = $"https://github.example/acme/deploy/pull/{p.Number}",
        ["state"] = p.State == "open" ? "open" : "closed",
        ["merged"] = p.State == "merged",
        ["merged_at"] = p.State == "merged" ? "2011-01-26T19:01:12Z" : null,
        ["merge_commit_sha"] = p.State == "merged" ? p.MergeCommit : "e5bd3914e2e596debea16f433f57875b5b90bcd6",
        ["mergeable"] = p.Mergeable,
        ["head"] = new JsonObject { ["ref"] = p.Source, ["sha"] = p.Head, ["label"] = "acme:" + p.Source },
        ["base"] = new JsonObject { ["ref"] = p.Target, ["label"] = "acme:" + p.Target },
    };
}
