using System.Globalization;
using Dray.Core.Model.Promotions;
using Dray.TestKit.Git;

namespace Dray.Steps.Tests.Git;

public sealed class GitPushRaceTests(GitHttpServer server) : IClassFixture<GitHttpServer>, IDisposable
{
    private readonly GitStepBed _bed = new(server);

    // Kargo's retry pacing (1 s, x1.5, at most 30 s) and its default of 10 attempts.
    private readonly GitStepBed _kargoPaced = new(server, new Dray.Steps.Git.GitStepOptions());

    public void Dispose()
    {
        _bed.Dispose();
        _kargoPaced.Dispose();
    }

    [SkippableFact]
    public async Task Twenty_promotions_pushing_to_one_branch_at_once_all_land()
    {
        var url = await _kargoPaced.SeedAsync("race-20", ("README", "r\n"));
        var promotions = Enumerable.Range(0, 20).Select(i => "stage" + i.ToString(CultureInfo.InvariantCulture) + ".01race.abc").ToList();

        var results = await Task.WhenAll(promotions.Select(async (promotion, i) =>
        {
            await _kargoPaced.OkAsync(_kargoPaced.Clone, promotion, $$"""{"repoURL":"{{url}}","checkout":[{"branch":"main","path":"src"}]}""");
            await _kargoPaced.WriteAsync(promotion, $"src/stages/{i}.yaml", $"stage: {i}\n");
            await _kargoPaced.OkAsync(_kargoPaced.Commit, promotion, $$"""{"path":"src","message":"promote stage {{i}}"}""");
            return await _kargoPaced.RunAsync(_kargoPaced.Push, promotion, """{"path":"src"}""");
        }));

        results.ShouldAllBe(r => r.Status == PromotionStepStatus.Succeeded);
        (await _kargoPaced.RemoteAsync("race-20", "rev-list", "--count", "main")).ShouldBe("21");
        var files = (await _kargoPaced.RemoteAsync("race-20", "ls-tree", "-r", "--name-only", "main", "stages/")).Split('\n');
        files.Length.ShouldBe(20);
        foreach (var promotion in promotions)
        {
            (await _kargoPaced.RemoteAsync("race-20", "log", "--format=%H", "--fixed-strings", $"--grep=Dray-Promotion: {promotion}", "main"))
                .Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(1);
        }

        // Every push reported the commit that is on the remote now.
        var onRemote = (await _kargoPaced.RemoteAsync("race-20", "rev-list", "main")).Split('\n').ToHashSet(StringComparer.Ordinal);
        results.ShouldAllBe(r => onRemote.Contains((string)r.Outputs["commit"]!));
        _kargoPaced.Counts.Clones.ShouldBe(1);
    }

    [SkippableFact]
    public async Task A_moved_remote_is_integrated_and_the_push_retried()
    {
        var url = await _bed.SeedAsync("race-moved", ("a.txt", "a\n"));
        await _bed.OkAsync(_bed.Clone, "p1", $$"""{"repoURL":"{{url}}","checkout":[{"branch":"main","path":"src"}]}""");
        await _bed.WriteAsync("p1", "src/b.txt", "b\n");
        await _bed.OkAsync(_bed.Commit, "p1", """{"path":"src","message":"b"}""");
        await _bed.PushElsewhereAsync("race-moved", "main", "c.txt", "c\n");

        var pushed = await _bed.OkAsync(_bed.Push, "p1", """{"path":"src"}""");

        (await _bed.RemoteAsync("race-moved", "rev-parse", "main")).ShouldBe((string?)pushed["commit"]);
        (await _bed.RemoteAsync("race-moved", "log", "--format=%s", "main")).ShouldBe("b\nother: c.txt\nSeed race-moved");
        (await _bed.RemoteAsync("race-moved", "ls-tree", "--name-only", "main")).ShouldBe("a.txt\nb.txt\nc.txt");
    }

    [SkippableFact]
    public async Task Two_promotions_editing_the_same_lines_the_second_fails_naming_the_paths()
    {
        var url = await _bed.SeedAsync("race-conflict", ("overlays/dev/kustomization.yaml", "images:\n- name: nginx\n  newTag: 1.24.0\n"), ("other.txt", "o\n"));
        foreach (var (promotion, tag) in new[] { ("dev.01a.abc", "1.25.0"), ("dev.01b.abc", "1.26.0") })
        {
            await _bed.OkAsync(_bed.Clone, promotion, $$"""{"repoURL":"{{url}}","checkout":[{"branch":"main","path":"src"}]}""");
            await _bed.WriteAsync(promotion, "src/overlays/dev/kustomization.yaml", $"images:\n- name: nginx\n  newTag: {tag}\n");
            await _bed.WriteAsync(promotion, "src/other.txt", $"{tag}\n");
            await _bed.OkAsync(_bed.Commit, promotion, $$"""{"path":"src","message":"{{tag}}"}""");
        }

        await _bed.OkAsync(_bed.Push, "dev.01a.abc", """{"path":"src"}""");
        var second = await _bed.RunAsync(_bed.Push, "dev.01b.abc", """{"path":"src"}""");

        second.Status.ShouldBe(PromotionStepStatus.Failed);
        second.Terminal.ShouldBeTrue();
        second.Message.ShouldBe("cannot integrate the changes on remote branch \"main\": conflicting paths: other.txt, overlays/dev/kustomization.yaml");
        (await _bed.RemoteAsync("race-conflict", "show", "main:overlays/dev/kustomization.yaml")).ShouldContain("1.25.0");
        (await _bed.RemoteAsync("race-conflict", "rev-list", "--count", "main")).ShouldBe("2");

        // The worktree is left clean (the rebase was aborted), so the step can be re-run and fails the same way.
        var again = await _bed.RunAsync(_bed.Push, "dev.01b.abc", """{"path":"src"}""");
        again.Message.ShouldBe(second.Message);
    }

    [SkippableFact]
    public async Task Force_overwrites_the_remote_branch()
    {
        var url = await _bed.SeedAsync("race-force", ("a.txt", "a\n"));
        await _bed.OkAsync(_bed.Clone, "p1", $$"""{"repoURL":"{{url}}","checkout":[{"branch":"main","path":"src"}]}""");
        await _bed.WriteAsync("p1", "src/a.txt", "mine\n");
        await _bed.OkAsync(_bed.Commit, "p1", """{"path":"src","message":"mine"}""");
        await _bed.PushElsewhereAsync("race-force", "main", "a.txt", "theirs\n");

        var pushed = await _bed.OkAsync(_bed.Push, "p1", """{"path":"src","force":true}""");

        (await _bed.RemoteAsync("race-force", "rev-parse", "main")).ShouldBe((string?)pushed["commit"]);
        (await _bed.RemoteAsync("race-force", "show", "main:a.txt")).ShouldBe("mine");
    }
}
