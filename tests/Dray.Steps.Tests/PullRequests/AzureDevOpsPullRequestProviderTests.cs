using System.Text;
using System.Text.Json.Nodes;
using Dray.Steps.PullRequests;
using Dray.Steps.Tests.Contracts;

namespace Dray.Steps.Tests.PullRequests;

/// <summary>Azure DevOps, checked against shared/specs/azure-devops/git.json (api-version 7.1).</summary>
public sealed class AzureDevOpsPullRequestProviderTests : PullRequestProviderCompliance
{
    private static readonly SwaggerSpec AzureSpec = SwaggerSpec.Load(SwaggerSpec.SpecFile("azure-devops", "git.json"));

    protected override SwaggerSpec? Spec => AzureSpec;

    protected override DocumentedSurface? Surface => null;

    protected override string RepoUrl(Uri server) => $"{server}contoso/web/_git/deploy";

    protected override PullRequestProviderOptions Options(Uri server) =>
        new() { Provider = PullRequestProviderKind.AzureDevOps, Token = Token };

    protected override bool AuthHeaderCarriesToken(RecordedRequest r) =>
        r.Headers["Authorization"] == "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(":" + Token));

    protected override Reply Error(int status, string message) =>
        new(status, new JsonObject { ["$id"] = "1", ["message"] = message, ["typeKey"] = "GitPullRequestNotFoundException", ["errorCode"] = 0 });

    protected override Reply Handle(RecordedRequest r)
    {
        r.Query["api-version"].ShouldBe("7.1");
        var parts = r.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        parts[..6].ShouldBe(["contoso", "web", "_apis", "git", "repositories", "deploy"]);
        switch (r.Method, parts[6..])
        {
            case ("GET", ["pullrequests"]):
                r.Query["searchCriteria.status"].ShouldBe("active");
                var matches = Repo.PullRequests.Where(p => p.State == "open"
                    && "refs/heads/" + p.Source == r.Query["searchCriteria.sourceRefName"]
                    && "refs/heads/" + p.Target == r.Query["searchCriteria.targetRefName"]);

                // The schema describes the bare array; the live service wraps it as {count, value}. Serve the
                // schema's shape so the fixture validates; the client accepts both.
                return new Reply(200, new JsonArray(matches.Select(p => (JsonNode?)Pr(p)).ToArray()));
            case ("POST", ["pullrequests"]):
                var source = ((string)r.Body!["sourceRefName"]!)["refs/heads/".Length..];
                var created = Repo.Add(source, ((string)r.Body!["targetRefName"]!)["refs/heads/".Length..]);
                created.Labels = (r.Body!["labels"] as JsonArray ?? []).Select(l => (string)l!["name"]!).ToArray();
                return new Reply(200, Pr(created));
            case ("GET", ["pullrequests", var n]):
                return Repo.Find(long.Parse(n)) is { } pr ? new Reply(200, Pr(pr)) : Error(404, "not found");
            case ("PATCH", ["pullrequests", var n]):
                var target = Repo.Find(long.Parse(n))!;
                ((string?)r.Body!["status"]).ShouldBe("completed");
                ((string?)r.Body!["lastMergeSourceCommit"]!["commitId"]).ShouldBe(target.Head);
                FakeRepository.Merge(target);
                return new Reply(200, Pr(target));
            default:
                return Error(404, "no such route");
        }
    }

    private static JsonObject Pr(FakePullRequest p)
    {
        var pr = new JsonObject
        {
            ["pullRequestId"] = p.Number,
            ["status"] = p.State switch { "open" => "active", "merged" => "completed", _ => "abandoned" },
            ["sourceRefName"] = "refs/heads/" + p.Source,
            ["targetRefName"] = "refs/heads/" + p.Target,
            ["mergeStatus"] = p.Mergeable ? "succeeded" : "conflicts",
            ["lastMergeSourceCommit"] = new JsonObject { ["commitId"] = p.Head },
            ["url"] = $"https://dev.azure.com/contoso/web/_apis/git/repositories/deploy/pullRequests/{p.Number}",
        };
        if (p.MergeCommit is { } merge)
        {
            pr["lastMergeCommit"] = new JsonObject { ["commitId"] = merge };
        }

        return pr;
    }
}
