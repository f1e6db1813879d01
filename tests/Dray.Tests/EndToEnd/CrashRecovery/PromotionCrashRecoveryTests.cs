using System.Globalization;
using System.Text.Json;
using Dray.Core.Model;
using Dray.Core.Model.Promotions;
using Dray.Core.Promotions;
using Dray.Core.Resources;
using Dray.Storage.Sqlite;
using Dray.TestKit.Git;
using Dray.TestKit.Infrastructure;
using static Dray.Tests.EndToEnd.CrashRecovery.CrashScenario;

namespace Dray.Tests.EndToEnd.CrashRecovery;

/// <summary>
/// Issue 4's crash guarantee against a real <c>dray serve</c> process, the real git smart-HTTP server (Basic auth) and
/// a spec-checked Gitea double: the server is killed (SIGKILL, by its test-only fault injection) at every step
/// boundary of git-clone → kustomize-set-image → git-commit → git-push → git-open-pr, restarted on the same data
/// directory, and must finish the Promotion from the first unfinished step with exactly one pushed commit and
/// exactly one pull request.
/// </summary>
public sealed class PromotionCrashRecoveryTests(GitHttpServer git) : IClassFixture<GitHttpServer>
{
    private const string Password = "crash-admin-password";
    private const int SigKillExitCode = 137;
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(4);

    /// <summary>after: killed once step N's finished status is saved. before: step N ran, its status was not saved.</summary>
    [SkippableTheory]
    [InlineData(1, "after")]
    [InlineData(2, "after")]
    [InlineData(3, "after")]
    [InlineData(4, "after")]
    [InlineData(5, "after")]
    [InlineData(1, "before")]
    [InlineData(2, "before")]
    [InlineData(3, "before")]
    [InlineData(4, "before")]
    [InlineData(5, "before")]
    public async Task Killed_at_a_step_boundary_the_promotion_resumes_and_pushes_one_commit_and_opens_one_pr(int step, string when)
    {
        await RunScenarioAsync(step, when, loseWorkDirectory: false);
    }

    /// <summary>The promotion work directory (the clone and its edit) is lost with the crash: the steps re-create it.</summary>
    [SkippableTheory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task Killed_and_the_work_directory_lost_the_promotion_recreates_it_without_duplicates(int step)
    {
        await RunScenarioAsync(step, "after", loseWorkDirectory: true);
    }

    private async Task RunScenarioAsync(int step, string when, bool loseWorkDirectory)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        var ct = deadline.Token;
        var repo = $"crash-{step}-{when}{(loseWorkDirectory ? "-lost" : "")}";
        using var seed = new TempDirectory("dray-crash-seed-");
        Directory.CreateDirectory(seed.Sub("env/dev"));
        await File.WriteAllTextAsync(seed.File("env/dev/kustomization.yaml"), Kustomization, ct);
        var seedCommit = await git.SeedRepoAsync(repo, seed.Path, cancellationToken: ct);
        await using var gitea = new GiteaDouble(GiteaToken);
        using var cli = new CliHarness();
        var data = Path.Combine(cli.Home, "data");
        Directory.CreateDirectory(data);
        var manifests = Path.Combine(cli.Home, "crash.yaml");
        await File.WriteAllTextAsync(manifests, Manifests(git.RepoUrl(repo), git.Username, git.Password, gitea.RepoUrl), ct);

        var fault = when == "after" ? "DRAY_FAULTS_EXIT_AFTER_STEP" : "DRAY_FAULTS_EXIT_BEFORE_SAVING_STEP";
        string name;
        await using (var first = await DrayServeProcess.StartAsync(
            data, Password, new Dictionary<string, string?> { [fault] = step.ToString(CultureInfo.InvariantCulture) }, ct))
        {
            await OkAsync(cli, "login", first.Url, "--admin", "--password", Password);
            await OkAsync(cli, "apply", "-f", manifests);
            var created = await OkAsync(cli, "promote", "--project", Project, "--stage", Stage, "--freight", FreightName);
            name = created.Out.Trim().Split(' ')[0]["promotion/".Length..];
            (await WaitForExitAsync(first, ct)).ShouldBe(SigKillExitCode, first.Diagnostics());
        }

        var atCrash = await ReadFromStoreAsync(data, name, ct);
        atCrash.Status!.Phase.ShouldBe(PromotionPhase.Running);
        var resumeAt = when == "after" ? step : step - 1;
        atCrash.Status.CurrentStep.ShouldBe(resumeAt);
        atCrash.Status.StepExecutionMetadata!.Take(resumeAt).ShouldAllBe(s => s.Status == PromotionStepStatus.Succeeded);
        var workDirectory = Path.Combine(data, "promotions", Project, name);
        Directory.Exists(workDirectory).ShouldBeTrue();
        if (loseWorkDirectory)
        {
            Directory.Delete(workDirectory, recursive: true);
        }

        await using (var second = await DrayServeProcess.StartAsync(data, Password, new Dictionary<string, string?>(), ct))
        {
            await OkAsync(cli, "login", second.Url, "--admin", "--password", Password);
            var done = await WaitForTerminalAsync(cli, second, name, ct);

            done.Status!.Phase.ShouldBe(PromotionPhase.Succeeded, done.Status.Message);
            var steps = done.Status.StepExecutionMetadata!;
            steps.Count.ShouldBe(StepCount);
            steps.ShouldAllBe(s => s.Status == PromotionStepStatus.Succeeded);
            if (!loseWorkDirectory)
            {
                // Resumed at the first unfinished step: the finished ones were not run again.
                for (var i = 0; i < resumeAt; i++)
                {
                    steps[i].StartedAt.ShouldBe(atCrash.Status.StepExecutionMetadata![i].StartedAt, $"step {i + 1}");
                    steps[i].FinishedAt.ShouldBe(atCrash.Status.StepExecutionMetadata![i].FinishedAt, $"step {i + 1}");
                }
            }
        }

        Directory.Exists(workDirectory).ShouldBeFalse("the work directory is removed once the Promotion finishes");
        await AssertOnePushedCommitAsync(repo, seedCommit, name, ct);
        gitea.Violations.ShouldBeEmpty();
        gitea.Repository.PullRequests.Count.ShouldBe(1);
        gitea.Creations.ShouldBe(1);
        gitea.Repository.PullRequests[0].Source.ShouldBe(PromotionBranch);
        gitea.Repository.PullRequests[0].Target.ShouldBe("main");
    }

    private async Task AssertOnePushedCommitAsync(string repo, string seedCommit, string promotion, CancellationToken ct)
    {
        var bare = git.RepoPath(repo);
        (await GitCli.OutputAsync(bare, ["rev-parse", "refs/heads/main"], ct)).ShouldBe(seedCommit, "main is the PR's target, untouched");
        (await GitCli.OutputAsync(bare, ["rev-list", "--count", $"refs/heads/{PromotionBranch}"], ct)).ShouldBe("2");
        (await GitCli.OutputAsync(bare, ["rev-parse", $"refs/heads/{PromotionBranch}^"], ct)).ShouldBe(seedCommit);
        var file = await GitCli.OutputAsync(bare, ["show", $"refs/heads/{PromotionBranch}:env/dev/kustomization.yaml"], ct);
        file.ShouldContain($"newTag: {NewTag}");

        // Of every commit reachable from any ref on the server, one names this Promotion (its trailer).
        var naming = await GitCli.OutputAsync(bare, ["log", "--all", "--format=%H", "--fixed-strings", $"--grep={promotion}"], ct);
        naming.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(1, naming);
    }

    private static async Task<int> WaitForExitAsync(DrayServeProcess server, CancellationToken ct)
    {
        try
        {
            return await server.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException("dray serve did not kill itself at the fault point\n" + server.Diagnostics());
        }
    }

    private static async Task<Promotion> WaitForTerminalAsync(CliHarness cli, DrayServeProcess server, string name, CancellationToken ct)
    {
        while (true)
        {
            if (server.HasExited)
            {
                throw new InvalidOperationException("dray serve exited during the resumed run\n" + server.Diagnostics());
            }

            var result = await cli.RunAsync("get", "promotion", name, "--project", Project, "-o", "json");
            result.ExitCode.ShouldBe(0, result.Error);
            var promotion = JsonSerializer.Deserialize<Promotion>(result.Out, KargoJson.Options)!;
            if (PromotionPhases.IsTerminal(promotion.Status?.Phase))
            {
                return promotion;
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"promotion {name} did not finish after the restart: {result.Out}\n{server.Diagnostics()}");
            }
        }
    }

    /// <summary>The Promotion as the dead server left it in its SQLite store.</summary>
    private static async Task<Promotion> ReadFromStoreAsync(string data, string name, CancellationToken ct)
    {
        await using var store = new SqliteResourceStore(
            new SqliteStoreOptions { DatabasePath = Path.Combine(data, "dray.db") }, TimeProvider.System);
        var document = await store.GetAsync(new ResourceKey(ResourceKinds.Promotion.Kind, Project, name), ct);
        document.ShouldNotBeNull();
        return KargoJson.FromDocument<Promotion>(document);
    }

    private static async Task<CliResult> OkAsync(CliHarness cli, params string[] args)
    {
        var result = await cli.RunAsync(args);
        result.ExitCode.ShouldBe(0, $"dray {string.Join(' ', args)}\n{result.Error}");
        return result;
    }
}
