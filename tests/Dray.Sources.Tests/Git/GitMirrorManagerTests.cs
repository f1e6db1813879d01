using Dray.Sources.Git;
using Dray.TestKit.Git;
using Dray.TestKit.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Dray.Sources.Tests.Git;

public sealed class GitMirrorManagerTests(GitHttpServer server) : IClassFixture<GitHttpServer>, IDisposable
{
    private readonly TempDirectory data = new("dray-mirrors-");

    private GitCredential Credential => new(server.Username, server.Password);

    public void Dispose() => data.Dispose();

    [SkippableFact]
    public async Task First_use_clones_and_an_unchanged_remote_costs_one_ls_remote_and_no_fetch()
    {
        using var repo = await WorkRepo.CreateAsync(server, "unchanged");
        var head = await repo.CommitAsync("first", "a.txt");
        await repo.PushAsync();
        using var mirrors = NewManager();

        var first = await mirrors.EnsureFreshAsync(repo.Url, Credential, CancellationToken.None);
        mirrors.Counts.ShouldBe(new GitOperationCounts(Clones: 1, Fetches: 0, LsRemotes: 0));
        first.Refs.Refs["refs/heads/main"].ShouldBe(head);
        first.DefaultBranch.ShouldBe("main");
        first.Path.ShouldStartWith(Path.Combine(data.Path, "git-mirrors"));
        Directory.Exists(Path.Combine(first.Path, "objects", "info", "commit-graphs")).ShouldBeTrue();

        var second = await mirrors.EnsureFreshAsync(repo.Url, Credential, CancellationToken.None);
        mirrors.Counts.ShouldBe(new GitOperationCounts(Clones: 1, Fetches: 0, LsRemotes: 1));
        second.Path.ShouldBe(first.Path);
    }

    [SkippableFact]
    public async Task A_moved_ref_is_fetched_once_and_the_mirror_then_matches_the_remote()
    {
        using var repo = await WorkRepo.CreateAsync(server, "moved");
        await repo.CommitAsync("first", "a.txt");
        await repo.PushAsync();
        using var mirrors = NewManager();
        await mirrors.EnsureFreshAsync(repo.Url, Credential, CancellationToken.None);

        var next = await repo.CommitAsync("second", "b.txt");
        await repo.TagAsync("v1.0.0");
        await repo.PushAsync();
        var mirror = await mirrors.EnsureFreshAsync(repo.Url, Credential, CancellationToken.None);

        mirrors.Counts.ShouldBe(new GitOperationCounts(Clones: 1, Fetches: 1, LsRemotes: 1));
        mirror.Refs.Refs["refs/heads/main"].ShouldBe(next);
        mirror.Refs.Refs["refs/tags/v1.0.0"].ShouldBe(next);
        var local = await GitCli.OutputAsync(mirror.Path, ["rev-parse", "refs/heads/main"], CancellationToken.None);
        local.ShouldBe(next);

        await mirrors.EnsureFreshAsync(repo.Url, Credential, CancellationToken.None);
        mirrors.Counts.Fetches.ShouldBe(1);
    }

    [SkippableFact]
    public async Task A_look_taken_after_the_callers_instant_is_reused_and_an_older_one_is_not()
    {
        using var repo = await WorkRepo.CreateAsync(server, "fresh-after");
        await repo.CommitAsync("first", "a.txt");
        await repo.PushAsync();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 5, 0, 0, TimeSpan.Zero));
        using var mirrors = new GitMirrorManager(new GitMirrorOptions { DataDirectory = data.Path }, time);
        var lookedAt = time.GetUtcNow();
        await mirrors.EnsureFreshAsync(repo.Url, Credential, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(10));
        var pushed = await repo.CommitAsync("second", "b.txt");
        await repo.PushAsync();

        var shared = await mirrors.EnsureFreshAsync(new GitMirrorRequest(repo.Url, Credential) { FreshAfter = lookedAt }, CancellationToken.None);
        var countsAfterShared = mirrors.Counts;
        var fresh = await mirrors.EnsureFreshAsync(new GitMirrorRequest(repo.Url, Credential) { FreshAfter = lookedAt.AddSeconds(1) }, CancellationToken.None);

        countsAfterShared.ShouldBe(new GitOperationCounts(Clones: 1, Fetches: 0, LsRemotes: 0), "the clone's look is fresh enough");
        shared.Refs.Refs["refs/heads/main"].ShouldNotBe(pushed);
        mirrors.Counts.ShouldBe(new GitOperationCounts(Clones: 1, Fetches: 1, LsRemotes: 1));
        fresh.Refs.Refs["refs/heads/main"].ShouldBe(pushed);
    }

    [SkippableFact]
    public async Task A_shallow_first_clone_has_only_the_tips_and_a_full_request_deepens_it()
    {
        using var repo = await WorkRepo.CreateAsync(server, "shallow");
        await repo.CommitAsync("first", "a.txt");
        await repo.CommitAsync("second", "b.txt");
        var third = await repo.CommitAsync("third", "c.txt");
        await repo.PushAsync();
        using var mirrors = NewManager();

        var shallow = await mirrors.EnsureFreshAsync(new GitMirrorRequest(repo.Url, Credential, Shallow: true), CancellationToken.None);
        (await GitCli.OutputAsync(shallow.Path, ["rev-list", "--count", "refs/heads/main"], CancellationToken.None)).ShouldBe("1");
        shallow.Refs.Refs["refs/heads/main"].ShouldBe(third);

        var fourth = await repo.CommitAsync("fourth", "d.txt");
        await repo.PushAsync();
        var warm = await mirrors.EnsureFreshAsync(new GitMirrorRequest(repo.Url, Credential, Shallow: true), CancellationToken.None);
        warm.Refs.Refs["refs/heads/main"].ShouldBe(fourth);
        (await GitCli.OutputAsync(warm.Path, ["rev-list", "--count", "refs/heads/main"], CancellationToken.None)).ShouldBe("2");

        var full = await mirrors.EnsureFreshAsync(repo.Url, Credential, CancellationToken.None);
        full.Path.ShouldBe(shallow.Path);
        (await GitCli.OutputAsync(full.Path, ["rev-list", "--count", "refs/heads/main"], CancellationToken.None)).ShouldBe("4");
        File.Exists(Path.Combine(full.Path, "shallow")).ShouldBeFalse();
        mirrors.Counts.Clones.ShouldBe(1);
    }

    [SkippableFact]
    public async Task Fifty_concurrent_callers_share_one_clone_and_then_one_ls_remote_and_one_fetch()
    {
        using var repo = await WorkRepo.CreateAsync(server, "storm");
        await repo.CommitAsync("first", "a.txt");
        await repo.PushAsync();
        using var mirrors = NewManager();

        var clones = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => mirrors.EnsureFreshAsync(repo.Url, Credential, CancellationToken.None)));
        mirrors.Counts.ShouldBe(new GitOperationCounts(Clones: 1, Fetches: 0, LsRemotes: 0));
        clones.Select(m => m.Path).Distinct().Count().ShouldBe(1);

        var next = await repo.CommitAsync("second", "b.txt");
        await repo.PushAsync();
        var fresh = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => mirrors.EnsureFreshAsync(repo.Url, Credential, CancellationToken.None)));

        mirrors.Counts.ShouldBe(new GitOperationCounts(Clones: 1, Fetches: 1, LsRemotes: 1));
        fresh.ShouldAllBe(m => m.Refs.Refs["refs/heads/main"] == next);
    }

    [SkippableFact]
    public async Task Spellings_of_one_url_share_a_mirror_but_other_credentials_get_their_own()
    {
        using var repo = await WorkRepo.CreateAsync(server, "spelling");
        await repo.CommitAsync("first", "a.txt");
        await repo.PushAsync();
        using var mirrors = NewManager();

        var plain = await mirrors.EnsureFreshAsync(repo.Url, Credential, CancellationToken.None);
        var slash = await mirrors.EnsureFreshAsync(repo.Url + "/", Credential, CancellationToken.None);
        slash.Path.ShouldBe(plain.Path);
        mirrors.Counts.Clones.ShouldBe(1);

        var other = GitMirrorManager.MirrorKey(new GitMirrorRequest(repo.Url, new GitCredential(server.Username, "other")));
        other.ShouldNotBe(GitMirrorManager.MirrorKey(new GitMirrorRequest(repo.Url, Credential)));
        other.ShouldNotContain("other");
    }

    [SkippableFact]
    public async Task A_wrong_password_fails_clearly_without_revealing_the_password()
    {
        using var repo = await WorkRepo.CreateAsync(server, "wrongpass");
        await repo.CommitAsync("first", "a.txt");
        await repo.PushAsync();
        using var mirrors = NewManager();
        var wrong = new GitCredential(server.Username, "s3cret-Wrong-pa55");

        var error = await Should.ThrowAsync<GitException>(() => mirrors.EnsureFreshAsync(repo.Url, wrong, CancellationToken.None));

        error.Kind.ShouldBe(GitErrorKind.AuthenticationFailed);
        error.Message.ShouldStartWith($"authentication failed for {repo.Url}");
        error.Message.ShouldNotContain("s3cret-Wrong-pa55");
        error.Message.ShouldNotContain(Convert.ToBase64String("dray:s3cret-Wrong-pa55"u8.ToArray()));
    }

    [SkippableFact]
    public async Task Missing_repositories_and_unreachable_hosts_have_their_own_errors()
    {
        using var mirrors = NewManager();
        var missing = new Uri(server.BaseUri, "git/nothing-here.git").ToString();

        var notFound = await Should.ThrowAsync<GitException>(() => mirrors.EnsureFreshAsync(missing, Credential, CancellationToken.None));
        notFound.Kind.ShouldBe(GitErrorKind.RepositoryNotFound);
        notFound.Message.ShouldStartWith($"repository not found: {missing}");

        var closed = $"http://127.0.0.1:{FreePort.Next()}/git/x.git";
        var unreachable = await Should.ThrowAsync<GitException>(() => mirrors.EnsureFreshAsync(closed, Credential, CancellationToken.None));
        unreachable.Kind.ShouldBe(GitErrorKind.ConnectionFailed);
        unreachable.Message.ShouldStartWith($"could not connect to {closed}");
        unreachable.Message.ShouldNotContain(server.Password);
    }

    [SkippableFact]
    public async Task A_worktree_checks_out_a_branch_detached_and_fetches_still_move_the_branch()
    {
        using var repo = await WorkRepo.CreateAsync(server, "worktree");
        var first = await repo.CommitAsync("first", "app/config.yaml");
        await repo.PushAsync();
        using var mirrors = NewManager();
        var mirror = await mirrors.EnsureFreshAsync(repo.Url, Credential, CancellationToken.None);
        var target = Path.Combine(data.Path, "wt");

        await mirrors.AddWorktreeAsync(mirror, "main", target, CancellationToken.None);

        (await File.ReadAllTextAsync(Path.Combine(target, "app", "config.yaml"))).ShouldBe("first\n");
        (await GitCli.OutputAsync(target, ["rev-parse", "HEAD"], CancellationToken.None)).ShouldBe(first);
        var second = await repo.CommitAsync("second", "app/config.yaml");
        await repo.PushAsync();
        (await mirrors.EnsureFreshAsync(repo.Url, Credential, CancellationToken.None)).Refs.Refs["refs/heads/main"].ShouldBe(second);

        await mirrors.RemoveWorktreeAsync(mirror, target, CancellationToken.None);
        Directory.Exists(target).ShouldBeFalse();
    }

    private GitMirrorManager NewManager() => new(new GitMirrorOptions { DataDirectory = data.Path });
}
