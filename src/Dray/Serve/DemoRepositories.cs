namespace Dray.Cli.Serve;

/// <summary>
/// The quickstart's offline sources under <c>DATA/demo/</c>: <c>app</c>, a git repository whose tags are the demo
/// application's versions (the Warehouse watches it), and <c>gitops.git</c>, a bare GitOps repository with a
/// kustomize base and dev, uat and prod overlays (the promotion steps push to it). Created once; kept afterwards.
/// </summary>
internal sealed class DemoRepositories(string dataDirectory)
{
    public const string FirstVersion = "v1.0.0";

    public string Root { get; } = Path.Combine(Path.GetFullPath(dataDirectory), "demo");

    public string AppPath => Path.Combine(Root, "app");

    public string GitOpsPath => Path.Combine(Root, "gitops.git");

    public string AppUrl => new Uri(AppPath).AbsoluteUri;

    public string GitOpsUrl => new Uri(GitOpsPath).AbsoluteUri;

    /// <summary>Creates both repositories unless they exist; returns true when it created them.</summary>
    public async Task<bool> EnsureAsync(CancellationToken ct)
    {
        if (Directory.Exists(Path.Combine(GitOpsPath, "refs")) && Directory.Exists(Path.Combine(AppPath, ".git")))
        {
            return false;
        }

        Directory.CreateDirectory(Root);
        await CreateAppAsync(ct).ConfigureAwait(false);
        await CreateGitOpsAsync(ct).ConfigureAwait(false);
        return true;
    }

    /// <summary>Commits a new version of the app and tags it with the next minor version; returns the tag.</summary>
    public async Task<string> PublishNextAsync(CancellationToken ct)
    {
        var tags = await DemoGit.RunAsync(AppPath, ["tag", "--list", "v*"], ct).ConfigureAwait(false);
        var next = DemoVersions.Next(tags.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        await File.WriteAllTextAsync(Path.Combine(AppPath, "VERSION"), next + "\n", ct).ConfigureAwait(false);
        await DemoGit.RunAsync(AppPath, ["add", "VERSION"], ct).ConfigureAwait(false);
        await DemoGit.RunAsync(AppPath, ["commit", "--quiet", "-m", $"Release {next}"], ct).ConfigureAwait(false);
        await DemoGit.RunAsync(AppPath, ["tag", next], ct).ConfigureAwait(false);
        return next;
    }

    private async Task CreateAppAsync(CancellationToken ct)
    {
        DeleteIfPresent(AppPath);
        Directory.CreateDirectory(AppPath);
        await DemoGit.RunAsync(AppPath, ["init", "--quiet", "-b", "main"], ct).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(AppPath, "README.md"), "# demo-app\n\nThe Dray quickstart's application. Each tag is a release.\n", ct).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(AppPath, "VERSION"), FirstVersion + "\n", ct).ConfigureAwait(false);
        await DemoGit.RunAsync(AppPath, ["add", "."], ct).ConfigureAwait(false);
        await DemoGit.RunAsync(AppPath, ["commit", "--quiet", "-m", $"Release {FirstVersion}"], ct).ConfigureAwait(false);
        await DemoGit.RunAsync(AppPath, ["tag", FirstVersion], ct).ConfigureAwait(false);
    }

    private async Task CreateGitOpsAsync(CancellationToken ct)
    {
        DeleteIfPresent(GitOpsPath);
        var seed = Path.Combine(Root, "gitops-seed");
        DeleteIfPresent(seed);
        Directory.CreateDirectory(seed);
        foreach (var (path, text) in DemoGitOpsFiles.All)
        {
            var file = Path.Combine(seed, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllTextAsync(file, text, ct).ConfigureAwait(false);
        }

        await DemoGit.RunAsync(seed, ["init", "--quiet", "-b", "main"], ct).ConfigureAwait(false);
        await DemoGit.RunAsync(seed, ["add", "."], ct).ConfigureAwait(false);
        await DemoGit.RunAsync(seed, ["commit", "--quiet", "-m", "Kustomize base with dev, uat and prod overlays"], ct).ConfigureAwait(false);
        await DemoGit.RunAsync(Root, ["clone", "--quiet", "--bare", seed, GitOpsPath], ct).ConfigureAwait(false);
        Directory.Delete(seed, recursive: true);
    }

    private static void DeleteIfPresent(string path)
    {
        // A half-made repository from an interrupted first start is made again from scratch.
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }
}
