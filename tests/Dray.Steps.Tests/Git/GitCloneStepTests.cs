using Dray.Core.Model.Promotions;
using Dray.TestKit.Git;

namespace Dray.Steps.Tests.Git;

public sealed class GitCloneStepTests(GitHttpServer server) : IClassFixture<GitHttpServer>, IDisposable
{
    private readonly GitStepBed _bed = new(server);

    public void Dispose() => _bed.Dispose();

    [SkippableFact]
    public async Task Checks_out_a_branch_a_tag_and_a_commit_from_one_shared_mirror()
    {
        var url = await _bed.SeedAsync("clone-refs", ("app/a.txt", "one\n"));
        var first = await _bed.RemoteAsync("clone-refs", "rev-parse", "main");
        await _bed.RemoteAsync("clone-refs", "tag", "v1.0.0", first);
        await _bed.PushElsewhereAsync("clone-refs", "main", "app/a.txt", "two\n");
        var second = await _bed.RemoteAsync("clone-refs", "rev-parse", "main");

        var outputs = await _bed.OkAsync(_bed.Clone, "p1", $$"""
            {"repoURL":"{{url}}","checkout":[
              {"branch":"main","path":"./branch"},
              {"tag":"v1.0.0","path":"./tag","as":"release"},
              {"commit":"{{first}}","path":"./commit"},
              {"path":"./default"}]}
            """);

        var work = _bed.WorkDir("p1");
        (await _bed.ReadAsync("p1", "branch/app/a.txt")).ShouldBe("two\n");
        (await _bed.ReadAsync("p1", "tag/app/a.txt")).ShouldBe("one\n");
        (await _bed.ReadAsync("p1", "commit/app/a.txt")).ShouldBe("one\n");
        (await _bed.ReadAsync("p1", "default/app/a.txt")).ShouldBe("two\n");
        var commits = outputs["commits"]!.AsObject();
        ((string?)commits["./branch"]).ShouldBe(second);
        ((string?)commits["release"]).ShouldBe(first);
        ((string?)commits["./commit"]).ShouldBe(first);
        ((string?)commits["./default"]).ShouldBe(second);

        // Worktrees of the shared mirror, not clones: a second promotion reuses the mirror.
        (await _bed.ReadAsync("p1", "branch/.git")).ShouldStartWith("gitdir: ");
        await _bed.OkAsync(_bed.Clone, "p2", $$"""{"repoURL":"{{url}}","checkout":[{"branch":"main","path":"src"}]}""");
        _bed.Counts.Clones.ShouldBe(1);
    }

    [SkippableFact]
    public async Task Create_starts_a_missing_branch_empty_and_its_first_commit_has_no_parent()
    {
        var url = await _bed.SeedAsync("clone-create", ("a.txt", "a\n"));

        var outputs = await _bed.OkAsync(_bed.Clone, "p1", $$"""{"repoURL":"{{url}}","checkout":[{"branch":"stage/dev","create":true,"path":"out"}]}""");
        var work = _bed.WorkDir("p1");
        Directory.EnumerateFileSystemEntries(Path.Join(work, "out")).Select(Path.GetFileName).ShouldBe([".git"]);
        outputs["commits"]!["out"].ShouldBeNull();

        await _bed.WriteAsync("p1", "out/b.txt", "b\n");
        var commit = (string?)(await _bed.OkAsync(_bed.Commit, "p1", """{"path":"out","message":"first"}"""))["commit"];
        var pushed = await _bed.OkAsync(_bed.Push, "p1", """{"path":"out"}""");

        ((string?)pushed["branch"]).ShouldBe("stage/dev");
        (await _bed.RemoteAsync("clone-create", "rev-parse", "stage/dev")).ShouldBe(commit);
        (await _bed.RemoteAsync("clone-create", "log", "--format=%P", "stage/dev")).ShouldBe("");
        (await _bed.RemoteAsync("clone-create", "ls-tree", "--name-only", "stage/dev")).ShouldBe("b.txt");
    }

    [SkippableFact]
    public async Task Sparse_checks_out_only_the_named_directories()
    {
        var url = await _bed.SeedAsync("clone-sparse", ("overlays/dev/k.yaml", "dev\n"), ("overlays/prod/k.yaml", "prod\n"), ("base/d.yaml", "base\n"));

        await _bed.OkAsync(_bed.Clone, "p1", $$"""{"repoURL":"{{url}}","checkout":[{"branch":"main","path":"src","sparse":["overlays/dev"]}]}""");

        var src = Path.Join(_bed.WorkDir("p1"), "src");
        (await _bed.ReadAsync("p1", "src/overlays/dev/k.yaml")).ShouldBe("dev\n");
        File.Exists(Path.Join(src, "overlays/prod/k.yaml")).ShouldBeFalse();
        File.Exists(Path.Join(src, "base/d.yaml")).ShouldBeFalse();
    }

    [SkippableFact]
    public async Task A_blobless_mirror_fetches_blobs_on_demand_with_the_credentials_and_pushes()
    {
        var url = await _bed.SeedAsync("clone-blobless", ("a.txt", "a\n"), ("big/b.txt", "b\n"));
        await _bed.RemoteAsync("clone-blobless", "config", "uploadpack.allowFilter", "true");

        await _bed.OkAsync(_bed.Clone, "p1", $$"""{"repoURL":"{{url}}","blobless":true,"checkout":[{"branch":"main","path":"src"}]}""");
        (await _bed.ReadAsync("p1", "src/big/b.txt")).ShouldBe("b\n");
        await _bed.WriteAsync("p1", "src/a.txt", "changed\n");
        await _bed.OkAsync(_bed.Commit, "p1", """{"path":"src","message":"change a"}""");
        var pushed = await _bed.OkAsync(_bed.Push, "p1", """{"path":"src"}""");

        (await _bed.RemoteAsync("clone-blobless", "rev-parse", "main")).ShouldBe((string?)pushed["commit"]);
        var mirror = Path.GetFullPath(Path.Join(Dray.Steps.Git.GitStepSupport.GitDirOf(Path.Join(_bed.WorkDir("p1"), "src"))!, "..", ".."));
        (await GitCli.OutputAsync(mirror, ["config", "remote.origin.partialclonefilter"], CancellationToken.None)).ShouldBe("blob:none");
    }

    [SkippableFact]
    public async Task A_re_run_after_a_crash_replaces_the_half_made_worktree()
    {
        var url = await _bed.SeedAsync("clone-rerun", ("a.txt", "a\n"));
        var config = $$"""{"repoURL":"{{url}}","checkout":[{"branch":"main","path":"src"}]}""";
        await _bed.OkAsync(_bed.Clone, "p1", config);
        await _bed.WriteAsync("p1", "src/a.txt", "edited before the crash\n");

        await _bed.OkAsync(_bed.Clone, "p1", config);

        (await _bed.ReadAsync("p1", "src/a.txt")).ShouldBe("a\n");
    }

    [SkippableTheory]
    [InlineData("""{"branch":"nope","path":"src"}""", "branch \"nope\" not found in")]
    [InlineData("""{"tag":"v9","path":"src"}""", "tag \"v9\" not found in")]
    public async Task Missing_refs_fail_terminally(string checkout, string message)
    {
        var url = await _bed.SeedAsync("clone-missing-" + Math.Abs(checkout.GetHashCode(StringComparison.Ordinal)), ("a.txt", "a\n"));

        var result = await _bed.RunAsync(_bed.Clone, "p1", $$"""{"repoURL":"{{url}}","checkout":[{{checkout}}]}""");

        result.Status.ShouldBe(PromotionStepStatus.Failed);
        result.Terminal.ShouldBeTrue();
        result.Message.ShouldStartWith(message);
    }

    [SkippableFact]
    public async Task Wrong_credentials_fail_terminally_without_leaking_them()
    {
        var url = await _bed.SeedAsync("clone-auth", ("a.txt", "a\n"));
        var context = _bed.Context("p1", $$"""{"repoURL":"{{url}}","checkout":[{"branch":"main","path":"src"}]}""") with
        {
            Secrets = new ServerSecrets(server.Username, "wrong-password-123"),
        };

        var result = await _bed.Clone.RunAsync(context, CancellationToken.None);

        result.Status.ShouldBe(PromotionStepStatus.Errored);
        result.Terminal.ShouldBeTrue();
        result.Message!.ShouldContain("authentication failed");
        result.Message!.ShouldNotContain("wrong-password-123");
        (await File.ReadAllTextAsync(_bed.ArgvLog)).ShouldNotContain("wrong-password-123");
    }
}
