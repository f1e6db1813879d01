using System.Text.Json.Nodes;
using Dray.Steps.Tests.Contracts;

namespace Dray.Steps.Tests.PullRequests;

/// <summary>Gitea's pull request endpoints over a <see cref="FakeRepository"/>, shaped per shared/specs/gitea/swagger.json.</summary>
public static class FakeGitea
{
    public static readonly SwaggerSpec Spec = SwaggerSpec.Load(SwaggerSpec.SpecFile("gitea", "swagger.json"));

    public static Reply Error(int status, string message) =>
        new(status, new JsonObject { ["message"] = message, ["url"] = "https://gitea.example/api/swagger" });

    public static Reply Handle(FakeRepository repo, RecordedRequest r)
    {
        var parts = r.Path.Split('/', StringSplitOptions.RemoveEmptyEntries); // api v1 repos acme deploy ...
        parts[..5].ShouldBe(["api", "v1", "repos", "acme", "deploy"]);
        var rest = parts[5..];
        switch (r.Method, rest)
        {
            case ("GET", ["pulls"]):
                var open = repo.PullRequests.Where(p => p.State == "open" && p.Target == r.Query["base_branch"]);
                return new Reply(200, new JsonArray(open.Select(p => (JsonNode?)Pr(p)).ToArray()));
            case ("GET", ["labels"]):
                return Reply.Json(200, """[{"id":7,"name":"promotion","color":"00aabb"},{"id":8,"name":"other","color":"ffffff"}]""");
            case ("POST", ["pulls"]):
                var created = repo.Add((string)r.Body!["head"]!, (string)r.Body!["base"]!);
                created.Labels = (r.Body!["labels"] as JsonArray ?? []).Select(l => (long)l! == 7 ? "promotion" : "?").ToArray();
                return new Reply(201, Pr(created));
            case ("GET", ["pulls", var n]):
                return repo.Find(long.Parse(n)) is { } pr ? new Reply(200, Pr(pr)) : new Reply(404);
            case ("POST", ["pulls", var n, "merge"]):
                var target = repo.Find(long.Parse(n))!;
                ((string?)r.Body!["head_commit_id"]).ShouldBe(target.Head);
                if (!target.Mergeable)
                {
                    return new Reply(405, new JsonObject { ["message"] = "Please try again later" });
                }

                FakeRepository.Merge(target);
                return new Reply(200);
            default:
                return new Reply(404);
        }
    }

    public static JsonObject Pr(FakePullRequest p) => new()
    {
        ["number"] = p.Number,
        ["html_url"] = $"https://gitea.example/acme/deploy/pulls/{p.Number}",
        ["state"] = p.State == "open" ? "open" : "closed",
        ["merged"] = p.State == "merged",
        ["merge_commit_sha"] = p.MergeCommit,
        ["mergeable"] = p.Mergeable,
        ["head"] = new JsonObject { ["ref"] = p.Source, ["sha"] = p.Head },
        ["base"] = new JsonObject { ["ref"] = p.Target },
    };
}
