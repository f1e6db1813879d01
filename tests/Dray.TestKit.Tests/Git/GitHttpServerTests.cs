using Dray.TestKit.Git;
using Dray.TestKit.Infrastructure;

namespace Dray.TestKit.Tests.Git;

[Collection(GitServerCollection.Name)]
public sealed class GitHttpServerTests(GitHttpServer server)
{
    [SkippableFact]
    public async Task Seeded_repo_clones_with_credentials_and_has_the_seeded_files()
    {
        using var source = new TempDirectory();
        await File.WriteAllTextAsync(source.File("README.md"), "hello from the seed\n");
        Directory.CreateDirectory(source.Sub("env", "dev"));
        await File.WriteAllTextAsync(source.File("env", "dev", "values.yaml"), "image: nginx:1.24.0\n");

        var commit = await server.SeedRepoAsync("seeded", source.Path);

        using var clone = new TempDirectory();
        await GitCli.RunCheckedAsync(clone.Path, server.Credentials, ["clone", "--quiet", server.RepoUrl("seeded"), "work"], default);
        var work = Path.Combine(clone.Path, "work");
        (await File.ReadAllTextAsync(Path.Combine(work, "env", "dev", "values.yaml"))).ShouldBe("image: nginx:1.24.0\n");
        (await GitCli.OutputAsync(work, ["rev-parse", "HEAD"], default)).ShouldBe(commit);
        server.RepoUrl("seeded").ShouldBe($"http://127.0.0.1:{server.BaseUri.Port}/git/seeded.git");
    }

    [SkippableFact]
    public async Task Push_over_http_updates_the_bare_repo()
    {
        var url = await server.CreateBareRepoAsync("pushed");
        using var work = new TempDirectory();
        await GitCli.RunCheckedAsync(work.Path, server.Credentials, ["clone", "--quiet", url, "."], default);
        await File.WriteAllTextAsync(work.File("kustomization.yaml"), "images: []\n");
        await GitCli.RunCheckedAsync(work.Path, null, ["add", "kustomization.yaml"], default);
        await GitCli.RunCheckedAsync(work.Path, null, ["commit", "--quiet", "-m", "first"], default);
        await GitCli.RunCheckedAsync(work.Path, server.Credentials, ["push", "--quiet", "origin", "HEAD:refs/heads/main"], default);

        var local = await GitCli.OutputAsync(work.Path, ["rev-parse", "HEAD"], default);
        var remote = await GitCli.OutputAsync(server.RepoPath("pushed"), ["rev-parse", "refs/heads/main"], default);
        remote.ShouldBe(local);
    }

    [SkippableFact]
    public async Task Wrong_password_is_rejected()
    {
        using var source = SourceWithOneFile();
        await server.SeedRepoAsync("guarded", source.Path);
        using var clone = new TempDirectory();

        var result = await GitCli.RunAsync(
            clone.Path, GitCli.BasicAuthEnvironment(server.Username, "wrong-password"), ["clone", server.RepoUrl("guarded"), "work"], default);

        result.ExitCode.ShouldNotBe(0, result.ToString());
        Directory.Exists(Path.Combine(clone.Path, "work", ".git")).ShouldBeFalse();
        var ok = await GitCli.RunAsync(clone.Path, server.Credentials, ["clone", server.RepoUrl("guarded"), "work"], default);
        ok.ExitCode.ShouldBe(0, ok.ToString());
    }

    [SkippableTheory]
    [InlineData("dray-wrong-password", 401)]
    [InlineData(null, 200)]
    public async Task Smart_http_discovery_answers_by_credentials(string? password, int expectedStatus)
    {
        using var source = SourceWithOneFile();
        var name = $"discovery-{expectedStatus}";
        await server.SeedRepoAsync(name, source.Path);
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, server.RepoUrl(name) + "/info/refs?service=git-upload-pack");
        var token = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{server.Username}:{password ?? server.Password}"));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", token);

        using var response = await client.SendAsync(request);

        ((int)response.StatusCode).ShouldBe(expectedStatus);
    }

    [SkippableFact]
    public async Task Anonymous_clone_is_rejected()
    {
        using var source = SourceWithOneFile();
        await server.SeedRepoAsync("private", source.Path);
        using var clone = new TempDirectory();

        var result = await GitCli.RunAsync(clone.Path, null, ["clone", server.RepoUrl("private"), "work"], default);

        result.ExitCode.ShouldNotBe(0);
        result.StandardError.ShouldNotContain(server.Password);
    }

    private static TempDirectory SourceWithOneFile()
    {
        var dir = new TempDirectory();
        File.WriteAllText(dir.File("file.txt"), "content\n");
        return dir;
    }
}
