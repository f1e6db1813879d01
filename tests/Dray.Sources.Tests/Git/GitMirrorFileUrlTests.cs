using Dray.Sources.Git;
using Dray.TestKit.Git;
using Dray.TestKit.Infrastructure;

namespace Dray.Sources.Tests.Git;

/// <summary><c>file://</c> repositories (the offline quickstart) are mirrored only when the server allows them.</summary>
public sealed class GitMirrorFileUrlTests : IDisposable
{
    private readonly TempDirectory _dir = new("dray-file-git-");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_file_url_is_refused_by_default_naming_the_reason()
    {
        var url = await CreateRepoAsync();
        using var mirrors = new GitMirrorManager(new GitMirrorOptions { DataDirectory = _dir.Sub("data") });

        var error = await Should.ThrowAsync<GitException>(() => mirrors.EnsureFreshAsync(url, null, CancellationToken.None));

        error.Kind.ShouldBe(GitErrorKind.InvalidSubscription);
        error.Message.ShouldBe($"{url}: file:// repositories are disabled on this server (dray quickstart enables them)");
        Directory.Exists(_dir.File("data", "git-mirrors")).ShouldBeFalse();
    }

    [Fact]
    public async Task A_file_url_is_mirrored_when_allowed()
    {
        var url = await CreateRepoAsync();
        using var mirrors = new GitMirrorManager(new GitMirrorOptions { DataDirectory = _dir.Sub("data"), AllowFileUrls = true });

        var mirror = await mirrors.EnsureFreshAsync(url, null, CancellationToken.None);

        mirror.Refs.Refs["refs/tags/v1.0.0"].ShouldBe(await GitCli.OutputAsync(_dir.File("app"), ["rev-parse", "HEAD"], CancellationToken.None));
        mirror.DefaultBranch.ShouldBe("main");
    }

    private async Task<string> CreateRepoAsync()
    {
        var repo = _dir.Sub("app");
        Directory.CreateDirectory(repo);
        await GitCli.RunCheckedAsync(repo, null, ["init", "--quiet", "-b", "main"], CancellationToken.None);
        await File.WriteAllTextAsync(Path.Combine(repo, "a.txt"), "a\n");
        await GitCli.RunCheckedAsync(repo, null, ["add", "."], CancellationToken.None);
        await GitCli.RunCheckedAsync(repo, null, ["commit", "--quiet", "-m", "first"], CancellationToken.None);
        await GitCli.RunCheckedAsync(repo, null, ["tag", "v1.0.0"], CancellationToken.None);
        return new Uri(repo).AbsoluteUri;
    }
}
