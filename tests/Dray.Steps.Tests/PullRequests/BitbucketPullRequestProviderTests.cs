using System.Text.Json.Nodes;
using Dray.Steps.PullRequests;
using Dray.Steps.Tests.Contracts;

namespace Dray.Steps.Tests.PullRequests;

/// <summary>
/// Bitbucket Cloud 2.0 (reached through <see cref="PullRequestProviderOptions.ApiBaseUrl"/>). NO SPEC FILE: Bitbucket's
/// OpenAPI is served only from api.bitbucket.org and is not in shared/specs, so requests are checked against the
/// operations documented at https://developer.atlassian.com/cloud/bitbucket/rest/api-group-pullrequests/ and fixtures
/// follow the example pull request objects there.
/// </summary>
public sealed class BitbucketPullRequestProviderTests_DocumentedExamplesNoSpec : PullRequestProviderCompliance
{
    private static readonly DocumentedSurface Docs = new("/2.0",
    [
        ("GET", "/repositories/{workspace}/{repo_slug}/pullrequests", []),
        ("POST", "/repositories/{workspace}/{repo_slug}/pullrequests", ["title", "source"]),
        ("GET", "/repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}", []),
        ("POST", "/repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}/merge", []),
    ]);

    protected override SwaggerSpec? Spec => null;

    protected override bool SupportsLabels => false;

    protected override DocumentedSurface? Surface => Docs;

    protected override string RepoUrl(Uri server) => "https://bitbucket.org/acme/deploy.git";

    protected override PullRequestProviderOptions Options(Uri server) =>
        new() { Token = Token, Username = "kargo-bot", ApiBaseUrl = new Uri(server, "2.0/") };

    protected override bool AuthHeaderCarriesToken(RecordedRequest r) =>
        r.Headers["Authorization"] == "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"kargo-bot:{Token}"));

    protected override Reply Error(int status, string message) =>
        new(status, new JsonObject { ["type"] = "error", ["error"] = new JsonObject { ["message"] = message } });

    protected override Reply Handle(RecordedRequest r)
    {
        var parts = r.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        parts[..4].ShouldBe(["2.0", "repositories", "acme", "deploy"]);
        switch (r.Method, parts[4..])
        {
            case ("GET", ["pullrequests"]):
                r.Query["state"].ShouldBe("OPEN");
                r.Query["q"].ShouldNotBeNull().ShouldContain("source.branch.name=");
                var open = Repo.PullRequests.Where(p => p.State == "open");
                return new Reply(200, new JsonObject { ["pagelen"] = 10, ["page"] = 1, ["values"] = new JsonArray(open.Select(p => (JsonNode?)Pr(p)).ToArray()) });
            case ("POST", ["pullrequests"]):
                var created = Repo.Add((string)r.Body!["source"]!["branch"]!["name"]!, (string)r.Body!["destination"]!["branch"]!["name"]!);
                r.Body!.AsObject().ContainsKey("labels").ShouldBeFalse();
                return new Reply(201, Pr(created));
            case ("GET", ["pullrequests", var n]):
                return Repo.Find(long.Parse(n)) is { } pr ? new Reply(200, Pr(pr)) : Error(404, "Resource not found");
            case ("POST", ["pullrequests", var n, "merge"]):
                var target = Repo.Find(long.Parse(n))!;
                FakeRepository.Merge(target);
                return new Reply(200, Pr(target));
            default:
                return Error(404, "Resource not found");
        }
    }

    private static JsonObject Pr(FakePullRequest p)
    {
        var pr = new JsonObject
        {
            ["type"] = "pullrequest",
            ["id"] = p.Number,
            ["state"] = p.State switch { "open" => "OPEN", "merged" => "MERGED", _ => "DECLINED" },
            ["source"] = new JsonObject { ["branch"] = new JsonObject { ["name"] = p.Source }, ["commit"] = new JsonObject { ["hash"] = p.Head[..12] } },
            ["destination"] = new JsonObject { ["branch"] = new JsonObject { ["name"] = p.Target } },
            ["links"] = new JsonObject { ["html"] = new JsonObject { ["href"] = $"https://bitbucket.org/acme/deploy/pull-requests/{p.Number}" } },
        };
        if (p.MergeCommit is { } merge)
        {
            pr["merge_commit"] = new JsonObject { ["hash"] = merge };
        }

        return pr;
    }
}
