using Dray.Core.Model.Warehouses;
using Dray.Sources.Git;
using Dray.TestKit.Git;
using Dray.TestKit.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Dray.Sources.Tests.Git;

/// <summary><c>expressionFilter</c> on commits and tags, against a real git server.</summary>
public sealed class GitExpressionFilterDiscoveryTests(GitHttpServer server) : IClassFixture<GitHttpServer>, IDisposable
{
    private static readonly (string, string) Ann = ("Ann", "ann@example.com");
    private static readonly (string, string) Bob = ("Bob", "bob@example.com");

    private readonly TempDirectory data = new("dray-exprf-");

    private GitCredential Credential => new(server.Username, server.Password);

    private GitMirrorManager Mirrors => field ??= new GitMirrorManager(new GitMirrorOptions { DataDirectory = data.Path });

    public void Dispose()
    {
        Mirrors.Dispose();
        data.Dispose();
    }

    [SkippableFact]
    public async Task Commits_are_filtered_by_subject_author_and_commit_date()
    {
        using var repo = await WorkRepo.CreateAsync(server, "exprf-branch");
        var featA = await repo.CommitByAsync(Ann, "feat: a", "a.txt");     // 2025-01-01T00:00:00Z
        var fixB = await repo.CommitByAsync(Bob, "fix: b", "b.txt");       // 00:01
        var featC = await repo.CommitByAsync(Bob, "feat: c", "app/c.txt"); // 00:02
        var chore = await repo.CommitByAsync(Ann, "chore", "d.txt");       // 00:03
        await repo.PushAsync();

        (await IdsAsync(repo, "subject startsWith \"feat\"")).ShouldBe([featC, featA]);
        (await IdsAsync(repo, "author == \"Ann <ann@example.com>\"")).ShouldBe([chore, featA]);
        (await IdsAsync(repo, "committer contains \"bob@\" && id != \"" + fixB + "\"")).ShouldBe([featC]);
        (await IdsAsync(repo, "commitDate.After(date(\"2025-01-01 00:01:30\"))")).ShouldBe([chore, featC]);
        (await IdsAsync(repo, "commitDate < date(\"2025-01-01T00:01:00Z\")")).ShouldBe([featA]);
        (await IdsAsync(repo, "subject matches \"^(feat|fix):\"", limit: 2)).ShouldBe([featC, fixB]);
        (await IdsAsync(repo, "\"true\"")).ShouldBe([chore, featC, fixB, featA]);
        (await IdsAsync(repo, "subject startsWith \"feat\"", include: ["app"])).ShouldBe([featC]);
        (await IdsAsync(repo, "subject startsWith \"feat\"", include: ["regex:^[a-z]\\.txt$"])).ShouldBe([featA]);
    }

    [SkippableFact]
    public async Task Commit_age_filters_use_the_discoverers_clock()
    {
        using var repo = await WorkRepo.CreateAsync(server, "exprf-age");
        var a = await repo.CommitAsync("a", "a.txt"); // 2025-01-01T00:00:00Z
        var b = await repo.CommitAsync("b", "b.txt"); // 00:01
        var c = await repo.CommitAsync("c", "c.txt"); // 00:02
        var d = await repo.CommitAsync("d", "d.txt"); // 00:03
        await repo.PushAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 3, 30, TimeSpan.Zero));

        async Task<IReadOnlyList<string?>> Ids(string filter) =>
            (await new GitCommitDiscoverer(Mirrors, clock).DiscoverAsync(
                new GitSubscription { RepoURL = repo.Url, ExpressionFilter = filter }, Credential, CancellationToken.None))
            .Commits!.Select(x => x.Id).ToList();

        (await Ids("commitDate > now() - duration(\"2m\")")).ShouldBe([d, c]);
        (await Ids("commitDate.After(now().Add(-duration(\"3m\")))")).ShouldBe([d, c, b]);
        (await Ids("(now() - commitDate).Seconds() >= 200")).ShouldBe([a]);
        clock.Advance(TimeSpan.FromMinutes(1));
        (await Ids("commitDate > now() - duration(\"2m\")")).ShouldBe([d]);

        var bad = await Should.ThrowAsync<GitException>(() => Ids("commitDate > now() - duration(\"2 days\")"));
        bad.Message.ShouldContain("invalid duration \"2 days\"");
    }

    [SkippableFact]
    public async Task A_filter_rejecting_the_newest_commits_walks_deeper_until_the_limit_passes()
    {
        using var repo = await WorkRepo.CreateAsync(server, "exprf-deep");
        var oldest = await repo.CommitAsync("release: one", "a.txt");
        await repo.FastImportAsync("main", 300, i => $"bulk/{i % 7}.txt");
        var middle = await repo.CommitAsync("release: two", "a.txt");
        await repo.FastImportAsync("main", 300, i => $"bulk/{i % 7}.txt");
        var newest = await repo.CommitAsync("release: three", "a.txt");
        await repo.FastImportAsync("main", 300, i => $"bulk/{i % 7}.txt");
        await repo.PushAsync();

        (await IdsAsync(repo, "subject startsWith \"release\"", limit: 2)).ShouldBe([newest, middle]);
        (await IdsAsync(repo, "subject startsWith \"release\"", limit: 20)).ShouldBe([newest, middle, oldest]);
        (await IdsAsync(repo, "subject == \"release: one\"", limit: 1, include: ["a.txt"])).ShouldBe([oldest]);
        var bulk = await IdsAsync(repo, "subject startsWith \"bulk\"", limit: 5);
        bulk.Count.ShouldBe(5);
        (await IdsAsync(repo, "subject == \"none of them\"")).ShouldBeEmpty();
    }

    [SkippableFact]
    public async Task Tags_are_filtered_by_name_tagger_annotation_and_creator_date_before_the_limit()
    {
        using var repo = await WorkRepo.CreateAsync(server, "exprf-tags");
        var c1 = await repo.CommitByAsync(Ann, "one", "a.txt");
        await repo.TagAsync("v1.0.0", annotated: true, message: "stable release\n\nlong notes", tagger: Bob);
        await repo.TagAsync("v1.1.0");
        var c2 = await repo.CommitByAsync(Bob, "two", "a.txt");
        await repo.TagAsync("v1.2.0", annotated: true, message: "candidate", tagger: Ann);
        await repo.TagAsync("v2.0.0", annotated: true, message: "stable again", tagger: Ann);
        await repo.TagAsync("nightly");
        await repo.PushAsync();

        (await TagsAsync(repo, GitCommitSelectionStrategy.SemVer, "annotation startsWith \"stable\"")).ShouldBe(["v2.0.0", "v1.0.0"]);
        (await TagsAsync(repo, GitCommitSelectionStrategy.SemVer, "tagger == \"Ann <ann@example.com>\"")).ShouldBe(["v2.0.0", "v1.2.0"]);
        (await TagsAsync(repo, GitCommitSelectionStrategy.Lexical, "tagger == \"\"")).ShouldBe(["v1.1.0", "nightly"]);
        (await TagsAsync(repo, GitCommitSelectionStrategy.Lexical, "annotation == \"\" && tag != \"nightly\"")).ShouldBe(["v1.1.0"]);
        (await TagsAsync(repo, GitCommitSelectionStrategy.NewestTag, "id == \"" + c2 + "\"")).ShouldBe(["v2.0.0", "v1.2.0", "nightly"]);
        (await TagsAsync(repo, GitCommitSelectionStrategy.NewestTag, "id == \"" + c2 + "\"", limit: 1)).ShouldBe(["v2.0.0"]);
        (await TagsAsync(repo, GitCommitSelectionStrategy.NewestTag, "author contains \"ann@\" || subject == \"two\" && tag matches \"^v\""))
            .ShouldBe(["v2.0.0", "v1.2.0", "v1.0.0", "v1.1.0"]);

        // Creator dates: v1.0.0 00:01, v1.1.0 its commit's 00:00, v1.2.0 00:04, v2.0.0 00:05, nightly its commit's 00:03.
        (await TagsAsync(repo, GitCommitSelectionStrategy.SemVer, "creatorDate.Before(date(\"2025-01-01 00:04:30\"))")).ShouldBe(["v1.2.0", "v1.1.0", "v1.0.0"]);
        var constrained = await DiscoverAsync(new GitSubscription
        {
            RepoURL = repo.Url,
            CommitSelectionStrategy = GitCommitSelectionStrategy.SemVer,
            SemverConstraint = "<2",
            ExpressionFilter = "annotation != \"candidate\"",
        });
        constrained.Commits!.Select(c => c.Tag).ShouldBe(["v1.1.0", "v1.0.0"]);
        constrained.Commits!.Select(c => c.Id).ShouldBe([c1, c1]);
    }

    [SkippableFact]
    public async Task Syntax_and_evaluation_errors_are_terminal_and_say_where()
    {
        using var repo = await WorkRepo.CreateAsync(server, "exprf-errors");
        var head = await repo.CommitAsync("one", "a.txt");
        await repo.TagAsync("v1.0.0");
        await repo.PushAsync();

        var syntax = await Should.ThrowAsync<GitException>(() => IdsAsync(repo, "subject startsWith (\"x\""));
        syntax.Kind.ShouldBe(GitErrorKind.InvalidSubscription);
        syntax.Message.ShouldStartWith("expressionFilter is not a valid expression: ");
        syntax.Message.ShouldContain("at column ");
        syntax.Message.ShouldEndWith("in \"subject startsWith (\"x\"\"");

        var evaluation = await Should.ThrowAsync<GitException>(() => IdsAsync(repo, "commitDate.After(subject)"));
        evaluation.Kind.ShouldBe(GitErrorKind.InvalidSubscription);
        evaluation.Message.ShouldStartWith($"expressionFilter failed on commit {head}: invalid argument for After (type string, expected time.Time)");

        var onTag = await Should.ThrowAsync<GitException>(() => TagsAsync(repo, GitCommitSelectionStrategy.Lexical, "tag + 1"));
        onTag.Message.ShouldStartWith("expressionFilter failed on tag v1.0.0: ");

        var notBoolean = await Should.ThrowAsync<GitException>(() => IdsAsync(repo, "subject"));
        notBoolean.Message.ShouldBe($"expressionFilter must give a boolean, but gave string \"one\" on commit {head}");
    }

    private async Task<IReadOnlyList<string?>> IdsAsync(WorkRepo repo, string filter, int? limit = null, IReadOnlyList<string>? include = null) =>
        (await DiscoverAsync(new GitSubscription { RepoURL = repo.Url, ExpressionFilter = filter, DiscoveryLimit = limit, IncludePaths = include }))
            .Commits!.Select(c => c.Id).ToList();

    private async Task<IReadOnlyList<string?>> TagsAsync(WorkRepo repo, GitCommitSelectionStrategy strategy, string filter, int? limit = null) =>
        (await DiscoverAsync(new GitSubscription { RepoURL = repo.Url, CommitSelectionStrategy = strategy, ExpressionFilter = filter, DiscoveryLimit = limit }))
            .Commits!.Select(c => c.Tag).ToList();

    private Task<GitDiscoveryResult> DiscoverAsync(GitSubscription subscription) =>
        new GitCommitDiscoverer(Mirrors).DiscoverAsync(subscription, Credential, CancellationToken.None);
}
