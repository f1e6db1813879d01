using System.Text;
using Dray.Core.Model.Promotions;
using Dray.Steps.Git;
using Dray.TestKit.Git;

namespace Dray.Steps.Tests.Git;

public sealed class GitCommitPushTests(GitHttpServer server) : IClassFixture<GitHttpServer>, IDisposable
{
    private readonly GitStepBed _bed = new(server);

    public void Dispose() => _bed.Dispose();

    [SkippableFact]
    public async Task Clone_edit_commit_push_lands_one_commit_with_the_promotion_trailer()
    {
        var url = await CloneAsync("push-basic", "test.01a.abc");
        await _bed.WriteAsync("test.01a.abc", "src/app/values.yaml", "tag: 2\n");

        var commit = (string?)(await _bed.OkAsync(_bed.Commit, "test.01a.abc", """{"path":"src","message":"Update the tag\n\n- app:2","author":{"name":"Ann","email":"ann@example.com"}}"""))["commit"];
        var pushed = await _bed.OkAsync(_bed.Push, "test.01a.abc", """{"path":"src"}""");

        ((string?)pushed["branch"]).ShouldBe("main");
        ((string?)pushed["commit"]).ShouldBe(commit);
        pushed.ContainsKey("commitURL").ShouldBeFalse();
        (await _bed.RemoteAsync("push-basic", "rev-parse", "main")).ShouldBe(commit);
        (await _bed.RemoteAsync("push-basic", "log", "-1", "--format=%B", "main")).ShouldBe("Update the tag\n\n- app:2\n\nDray-Promotion: test.01a.abc");
        (await _bed.RemoteAsync("push-basic", "log", "-1", "--format=%an <%ae>|%cn <%ce>", "main")).ShouldBe("Ann <ann@example.com>|Ann <ann@example.com>");
        (await _bed.RemoteAsync("push-basic", "show", "main:app/values.yaml")).ShouldBe("tag: 2");
        (await _bed.RemoteAsync("push-basic", "rev-list", "--count", "main")).ShouldBe("2");
        _ = url;
    }

    [SkippableFact]
    public async Task The_clone_author_is_the_default_and_no_change_means_no_commit()
    {
        var url = await _bed.SeedAsync("commit-author", ("a.txt", "a\n"));
        await _bed.OkAsync(_bed.Clone, "p1", $$"""{"repoURL":"{{url}}","author":{"name":"Bot","email":"bot@example.com"},"checkout":[{"branch":"main","path":"src"}]}""");
        var head = await _bed.RemoteAsync("commit-author", "rev-parse", "main");

        var unchanged = await _bed.OkAsync(_bed.Commit, "p1", """{"path":"src","message":"nothing"}""");
        ((string?)unchanged["commit"]).ShouldBe(head);

        await _bed.WriteAsync("p1", "src/b.txt", "b\n");
        await _bed.OkAsync(_bed.Commit, "p1", """{"path":"src","message":"add b"}""");
        await _bed.OkAsync(_bed.Push, "p1", """{"path":"src"}""");
        (await _bed.RemoteAsync("commit-author", "log", "-1", "--format=%an <%ae>", "main")).ShouldBe("Bot <bot@example.com>");
    }

    [SkippableFact]
    public async Task Clear_empties_the_worktree_but_keeps_git_and_the_commit_deletes_everything()
    {
        await CloneAsync("clear", "p1");

        await _bed.OkAsync(_bed.Clear, "p1", """{"path":"src"}""");
        Directory.EnumerateFileSystemEntries(Path.Join(_bed.WorkDir("p1"), "src")).Select(Path.GetFileName).ShouldBe([".git"]);
        await _bed.WriteAsync("p1", "src/rendered.yaml", "kind: ConfigMap\n");
        await _bed.OkAsync(_bed.Commit, "p1", """{"path":"src","message":"render"}""");
        await _bed.OkAsync(_bed.Push, "p1", """{"path":"src"}""");

        (await _bed.RemoteAsync("clear", "ls-tree", "-r", "--name-only", "main")).ShouldBe("rendered.yaml");
    }

    [SkippableFact]
    public async Task Generate_target_branch_pushes_to_a_branch_named_after_the_promotion()
    {
        await CloneAsync("generate", "test.01b.abc");
        await _bed.WriteAsync("test.01b.abc", "src/x.txt", "x\n");
        await _bed.OkAsync(_bed.Commit, "test.01b.abc", """{"path":"src","message":"x"}""");

        var pushed = await _bed.OkAsync(_bed.Push, "test.01b.abc", """{"path":"src","generateTargetBranch":true}""");

        ((string?)pushed["branch"]).ShouldBe("kargo/promotion/test.01b.abc");
        (await _bed.RemoteAsync("generate", "rev-parse", "kargo/promotion/test.01b.abc")).ShouldBe((string?)pushed["commit"]);
        (await _bed.RemoteAsync("generate", "rev-list", "--count", "main")).ShouldBe("1");
    }

    [SkippableFact]
    public async Task Target_branch_pushes_elsewhere_than_the_checkout()
    {
        await CloneAsync("target", "p1");
        await _bed.WriteAsync("p1", "src/x.txt", "x\n");
        await _bed.OkAsync(_bed.Commit, "p1", """{"path":"src","message":"x"}""");

        var pushed = await _bed.OkAsync(_bed.Push, "p1", """{"path":"src","targetBranch":"stage/uat"}""");

        ((string?)pushed["branch"]).ShouldBe("stage/uat");
        (await _bed.RemoteAsync("target", "rev-parse", "stage/uat")).ShouldBe((string?)pushed["commit"]);
    }

    [SkippableFact]
    public async Task Re_running_push_after_success_finds_the_commit_and_pushes_nothing()
    {
        await CloneAsync("rerun", "test.01c.abc");
        await _bed.WriteAsync("test.01c.abc", "src/x.txt", "x\n");
        await _bed.OkAsync(_bed.Commit, "test.01c.abc", """{"path":"src","message":"x"}""");
        var first = await _bed.OkAsync(_bed.Push, "test.01c.abc", """{"path":"src"}""");

        // Others pushed meanwhile, so a second push would have to rebase and would add a second commit.
        await _bed.PushElsewhereAsync("rerun", "main", "other.txt", "o\n");
        var commitAgain = await _bed.OkAsync(_bed.Commit, "test.01c.abc", """{"path":"src","message":"x"}""");
        var second = await _bed.OkAsync(_bed.Push, "test.01c.abc", """{"path":"src"}""");

        ((string?)commitAgain["commit"]).ShouldBe((string?)first["commit"]);
        ((string?)second["commit"]).ShouldBe((string?)first["commit"]);
        (await _bed.RemoteAsync("rerun", "rev-list", "--count", "main")).ShouldBe("3");
        (await _bed.RemoteAsync("rerun", "log", "--format=%H", "--fixed-strings", "--grep=Dray-Promotion: test.01c.abc", "main")).ShouldBe((string?)first["commit"]);
    }

    [SkippableFact]
    public async Task Credentials_never_reach_git_argv_or_the_remote_url_and_git_config_stays_clean()
    {
        var url = await CloneAsync("argv", "p1");
        await _bed.WriteAsync("p1", "src/x.txt", "x\n");
        await _bed.OkAsync(_bed.Commit, "p1", """{"path":"src","message":"x"}""");
        await _bed.OkAsync(_bed.Push, "p1", """{"path":"src"}""");

        var argv = await File.ReadAllTextAsync(_bed.ArgvLog);
        argv.ShouldContain("push");
        argv.ShouldContain("ls-remote");
        argv.ShouldNotContain(server.Password);
        argv.ShouldNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes($"{server.Username}:{server.Password}")));
        argv.ShouldNotContain("Authorization");
        url.ShouldNotContain(server.Password);
        var gitDir = GitStepSupport.GitDirOf(Path.Join(_bed.WorkDir("p1"), "src"))!;
        var mirrorConfig = await File.ReadAllTextAsync(Path.Join(gitDir, "..", "..", "config"));
        mirrorConfig.ShouldNotContain(server.Password);
    }

    [SkippableFact]
    public async Task Steps_recover_from_a_git_killed_mid_rebase_with_its_index_lock_left_behind()
    {
        await CloneAsync("crash-leftovers", "p1");
        await _bed.WriteAsync("p1", "src/x.txt", "x\n");
        var commit = (string?)(await _bed.OkAsync(_bed.Commit, "p1", """{"path":"src","message":"x"}"""))["commit"];
        var src = Path.Join(_bed.WorkDir("p1"), "src");
        var gitDir = GitStepSupport.GitDirOf(src)!;
        (await GitCli.RunAsync(src, null, ["rebase", "--exec", "false", "HEAD~1"], CancellationToken.None)).ExitCode.ShouldNotBe(0);
        Directory.Exists(Path.Join(gitDir, "rebase-merge")).ShouldBeTrue();
        await File.WriteAllTextAsync(Path.Join(gitDir, "index.lock"), "");

        var pushed = await _bed.OkAsync(_bed.Push, "p1", """{"path":"src"}""");

        ((string?)pushed["commit"]).ShouldBe(commit);
        (await _bed.RemoteAsync("crash-leftovers", "rev-parse", "main")).ShouldBe(commit);
        Directory.Exists(Path.Join(gitDir, "rebase-merge")).ShouldBeFalse();
    }

    [SkippableTheory]
    [InlineData("""{"path":"nowhere"}""", "\"nowhere\" is not a working tree made by git-clone")]
    [InlineData("""{"path":"plain"}""", "\"plain\" is not a working tree made by git-clone")]
    public async Task Commit_and_push_refuse_paths_that_are_not_clones(string config, string message)
    {
        await _bed.WriteAsync("p1", "plain/a.txt", "a\n");
        foreach (var step in new Core.Steps.IPromotionStep[] { _bed.Push, _bed.Clear })
        {
            var result = await _bed.RunAsync(step, "p1", config);
            result.Status.ShouldBe(PromotionStepStatus.Errored);
            result.Terminal.ShouldBeTrue();
            result.Message.ShouldBe(message);
        }
    }

    [SkippableFact]
    public async Task A_checkout_at_a_tag_needs_a_target_branch()
    {
        var url = await _bed.SeedAsync("tag-push", ("a.txt", "a\n"));
        await _bed.RemoteAsync("tag-push", "tag", "v1", "main");
        await _bed.OkAsync(_bed.Clone, "p1", $$"""{"repoURL":"{{url}}","checkout":[{"tag":"v1","path":"src"}]}""");

        var result = await _bed.RunAsync(_bed.Push, "p1", """{"path":"src"}""");

        result.Status.ShouldBe(PromotionStepStatus.Failed);
        result.Terminal.ShouldBeTrue();
        result.Message.ShouldBe("config.targetBranch: \"src\" was checked out at a commit or tag, not a branch; set targetBranch or generateTargetBranch");
    }

    private async Task<string> CloneAsync(string repo, string promotion)
    {
        var url = await _bed.SeedAsync(repo, ("app/values.yaml", "tag: 1\n"));
        await _bed.OkAsync(_bed.Clone, promotion, $$"""{"repoURL":"{{url}}","checkout":[{"branch":"main","path":"src"}]}""");
        return url;
    }
}
