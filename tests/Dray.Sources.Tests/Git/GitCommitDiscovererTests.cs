using Dray.Core.Model.Warehouses;
using Dray.Sources.Git;
using Dray.TestKit.Git;
using Dray.TestKit.Infrastructure;

namespace Dray.Sources.Tests.Git;

public sealed class GitCommitDiscovererTests(GitHttpServer server) : IClassFixture<GitHttpServer>, IDisposable
{
    private readonly TempDirectory data = new("dray-discovery-");

    private GitCredential Credential => new(server.Username, server.Password);

    private GitMirrorManager Mirrors => field ??= new GitMirrorManager(new GitMirrorOptions { DataDirectory = data.Path });

    public void Dispose()
    {
        Mirrors.Dispose();
        data.Dispose();
    }

    [SkippableFact]
    public async Task Newest_from_branch_lists_the_default_branch_newest_first_with_kargo_fields()
    {
        using var repo = await WorkRepo.CreateAsync(server, "branch-default", branch: "trunk");
        var long_ = new string('x', 85);
        var first = await repo.CommitAsync("first", "a.txt");
        var second = await repo.CommitAsync(long_, "b.txt");
        var third = await repo.CommitAsync("third", "c.txt");
        await repo.PushAsync();
        await GitCli.RunCheckedAsync(server.RepoPath("branch-default"), null, ["symbolic-ref", "HEAD", "refs/heads/trunk"], CancellationToken.None);

        var result = await DiscoverAsync(new GitSubscription { RepoURL = repo.Url, DiscoveryLimit = 2 });

        result.Commits!.Select(c => c.Id).ShouldBe([third, second]);
        result.ObservedRefs!.BranchHead.ShouldBe(third);
        var commit = result.Commits![1];
        commit.Branch.ShouldBe("trunk");
        commit.Subject.ShouldBe(new string('x', 77) + "...");
        commit.Author.ShouldBe("Dray Test <test@dray.invalid>");
        commit.Committer.ShouldBe("Dray Test <test@dray.invalid>");
        commit.CreatorDate.ShouldBe(DateTimeOffset.Parse("2025-01-01T00:01:00Z", System.Globalization.CultureInfo.InvariantCulture));
        first.ShouldNotBeNullOrEmpty();
    }

    [SkippableFact]
    public async Task Newest_from_branch_reads_the_named_branch_and_fails_clearly_for_a_missing_one()
    {
        using var repo = await WorkRepo.CreateAsync(server, "branch-named");
        await repo.CommitAsync("on main", "a.txt");
        await repo.CheckoutNewBranchAsync("release/1.x");
        var release = await repo.CommitAsync("on release", "a.txt");
        await repo.PushAsync();

        var result = await DiscoverAsync(new GitSubscription { RepoURL = repo.Url, Branch = "release/1.x", DiscoveryLimit = 1 });
        result.Commits!.Single().Id.ShouldBe(release);

        var error = await Should.ThrowAsync<GitException>(() => DiscoverAsync(new GitSubscription { RepoURL = repo.Url, Branch = "nope" }));
        error.Kind.ShouldBe(GitErrorKind.RefNotFound);
        error.Message.ShouldBe($"branch 'nope' not found in {repo.Url}");
    }

    [SkippableFact]
    public async Task Include_and_exclude_paths_select_commits_that_changed_an_included_non_excluded_path()
    {
        using var repo = await WorkRepo.CreateAsync(server, "paths");
        var app = await repo.CommitAsync("app", "apps/web/deploy.yaml");
        var docs = await repo.CommitAsync("docs", "apps/web/README.md");
        var other = await repo.CommitAsync("other", "apps/webhook/x.yaml");
        var both = await repo.CommitAsync("both", "apps/web/README.md", "charts/web/values.yaml");
        var exact = await repo.CommitAsync("exact", "top.txt");
        await repo.PushAsync();

        (await IdsAsync(repo, ["apps/web"], null)).ShouldBe([both, docs, app]);
        (await IdsAsync(repo, ["apps/web/"], ["apps/web/README.md"])).ShouldBe([app]);
        (await IdsAsync(repo, ["top.txt"], null)).ShouldBe([exact]);
        (await IdsAsync(repo, ["glob:apps/*/*.yaml"], null)).ShouldBe([other, app]);
        (await IdsAsync(repo, ["regex:^charts/.*values"], null)).ShouldBe([both]);
        (await IdsAsync(repo, ["regexp:^apps/web/"], ["glob:*.md"])).ShouldBe([app]);
        (await IdsAsync(repo, null, ["apps", "top.txt"])).ShouldBe([both]);
    }

    [SkippableFact]
    public async Task A_commit_touching_the_include_path_a_thousand_commits_below_head_is_found_by_one_walk()
    {
        using var repo = await WorkRepo.CreateAsync(server, "deep");
        var target = await repo.CommitAsync("deep target", "services/payments/app.yaml");
        await repo.FastImportAsync("main", 1000, i => $"services/other/file{i % 50}.yaml");
        await repo.PushAsync();
        var subscription = new GitSubscription { RepoURL = repo.Url, IncludePaths = ["services/payments"], DiscoveryLimit = 1 };
        await DiscoverAsync(subscription);

        var result = await DiscoverAsync(subscription);

        // How long the walk takes is measured by bench/Dray.Bench (git-walk), not by this test.
        result.Commits!.Single().Id.ShouldBe(target);
        result.Commits!.Single().Subject.ShouldBe("deep target");
        var glob = await DiscoverAsync(subscription with { IncludePaths = ["glob:services/payments/*"] });
        glob.Commits!.Single().Id.ShouldBe(target);
    }

    [SkippableFact]
    public async Task Since_stops_at_older_commits()
    {
        using var repo = await WorkRepo.CreateAsync(server, "since");
        await repo.CommitAsync("old", "a.txt");
        var newer = await repo.CommitAsync("newer", "a.txt");
        await repo.PushAsync();

        var result = await DiscoverAsync(new GitSubscription
        {
            RepoURL = repo.Url,
            Since = DateTimeOffset.Parse("2025-01-01T00:00:30Z", System.Globalization.CultureInfo.InvariantCulture),
        });

        result.Commits!.Select(c => c.Id).ShouldBe([newer]);
    }

    [SkippableFact]
    public async Task Tag_strategies_order_filter_and_peel_tags()
    {
        using var repo = await WorkRepo.CreateAsync(server, "tags");
        var c1 = await repo.CommitAsync("one", "app/a.txt");
        await repo.TagAsync("v1.0.0", annotated: true);
        await repo.TagAsync("1.2");
        var c2 = await repo.CommitAsync("two", "docs/readme.md");
        await repo.TagAsync("v1.10.0");
        await repo.TagAsync("v2.0.0-rc.1");
        var c3 = await repo.CommitAsync("three", "app/b.txt");
        await repo.TagAsync("v1.9.0", annotated: true);
        await repo.TagAsync("nightly");
        await repo.PushAsync();

        var semver = await DiscoverAsync(Tags(repo, GitCommitSelectionStrategy.SemVer));
        semver.Commits!.Select(c => c.Tag).ShouldBe(["v2.0.0-rc.1", "v1.10.0", "v1.9.0", "v1.0.0"]);
        semver.Commits!.Select(c => c.Id).ShouldBe([c2, c2, c3, c1]);
        semver.Commits![3].Subject.ShouldBe("one");
        semver.ObservedRefs!.Tags!.Select(t => t.Name).ShouldBe(["v2.0.0-rc.1", "v1.10.0", "v1.9.0", "v1.0.0"]);

        var loose = await DiscoverAsync(Tags(repo, GitCommitSelectionStrategy.SemVer) with { StrictSemvers = false, SemverConstraint = "^1.0.0" });
        loose.Commits!.Select(c => c.Tag).ShouldBe(["v1.10.0", "v1.9.0", "1.2", "v1.0.0"]);

        var constrained = await DiscoverAsync(Tags(repo, GitCommitSelectionStrategy.SemVer) with { SemverConstraint = ">=1.5.0, <1.10.0" });
        constrained.Commits!.Select(c => c.Tag).ShouldBe(["v1.9.0"]);

        var lexical = await DiscoverAsync(Tags(repo, GitCommitSelectionStrategy.Lexical) with { IgnoreTagsRegexes = ["^night"] });
        lexical.Commits!.Select(c => c.Tag).ShouldBe(["v2.0.0-rc.1", "v1.9.0", "v1.10.0", "v1.0.0", "1.2"]);

        var newest = await DiscoverAsync(Tags(repo, GitCommitSelectionStrategy.NewestTag) with { AllowTagsRegexes = ["^v"], DiscoveryLimit = 2 });
        newest.Commits!.Select(c => c.Tag).ShouldBe(["v1.9.0", "v2.0.0-rc.1"]);

        var paths = await DiscoverAsync(Tags(repo, GitCommitSelectionStrategy.SemVer) with { IncludePaths = ["app"] });
        paths.Commits!.Select(c => c.Tag).ShouldBe(["v1.9.0", "v1.0.0"]);
    }

    [SkippableFact]
    public async Task Deprecated_fields_and_invalid_expression_filters_are_rejected()
    {
        using var repo = await WorkRepo.CreateAsync(server, "invalid");
        await repo.CommitAsync("one", "a.txt");
        await repo.PushAsync();

        (await Should.ThrowAsync<GitException>(() => DiscoverAsync(new GitSubscription { RepoURL = repo.Url, AllowTags = "^v" })))
            .Kind.ShouldBe(GitErrorKind.InvalidSubscription);
        (await Should.ThrowAsync<GitException>(() => DiscoverAsync(new GitSubscription { RepoURL = repo.Url, ExpressionFilter = "true &&" })))
            .Message.ShouldContain("expressionFilter");
        (await Should.ThrowAsync<GitException>(() => DiscoverAsync(new GitSubscription { RepoURL = repo.Url, IncludePaths = ["regex:("] })))
            .Message.ShouldContain("includePaths");
    }

    [SkippableFact]
    public async Task Fifty_warehouses_on_one_repository_cost_one_fetch()
    {
        using var repo = await WorkRepo.CreateAsync(server, "fifty");
        await repo.CommitAsync("one", "svc0/a.txt");
        await repo.PushAsync();
        await DiscoverAsync(new GitSubscription { RepoURL = repo.Url });
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await repo.CommitAsync($"svc{i}", $"svc{i}/a.txt"));
        }

        await repo.PushAsync();
        var before = Mirrors.Counts;

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            DiscoverAsync(new GitSubscription { RepoURL = repo.Url, IncludePaths = [$"svc{i % 5}"], DiscoveryLimit = 1 })));

        (Mirrors.Counts.Fetches - before.Fetches).ShouldBe(1);
        (Mirrors.Counts.LsRemotes - before.LsRemotes).ShouldBe(1);
        results.Select((r, i) => r.Commits!.Single().Id == ids[i % 5]).ShouldAllBe(ok => ok);
    }

    private static GitSubscription Tags(WorkRepo repo, GitCommitSelectionStrategy strategy) =>
        new() { RepoURL = repo.Url, CommitSelectionStrategy = strategy };

    private async Task<IReadOnlyList<string?>> IdsAsync(WorkRepo repo, IReadOnlyList<string>? include, IReadOnlyList<string>? exclude) =>
        (await DiscoverAsync(new GitSubscription { RepoURL = repo.Url, IncludePaths = include, ExcludePaths = exclude }))
            .Commits!.Select(c => c.Id).ToList();

    private Task<GitDiscoveryResult> DiscoverAsync(GitSubscription subscription) =>
        new GitCommitDiscoverer(Mirrors).DiscoverAsync(subscription, Credential, CancellationToken.None);
}
