using System.Text.Json.Nodes;
using Dray.Core.Model.Promotions;
using Dray.Core.Steps;
using Dray.Sources.Git;
using Dray.Steps.Git;
using Dray.TestKit.Git;
using Dray.TestKit.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dray.Steps.Tests.Git;

/// <summary>
/// The git steps over the real git server: one shared mirror directory, git started through a wrapper script that
/// records every argv (to prove credentials never reach it), and one work directory per promotion.
/// </summary>
public sealed class GitStepBed : IDisposable
{
    private readonly TempDirectory _dir = new("dray-gitsteps-");
    private readonly GitMirrorManager _mirrors;

    public GitStepBed(GitHttpServer server, GitStepOptions? options = null)
    {
        Server = server;
        var wrapper = _dir.File("git-recording");
        File.WriteAllText(wrapper, $"#!/bin/sh\nprintf '%s\\n' \"$*\" >> '{ArgvLog}'\nexec '{GitCli.Binary}' \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        _mirrors = new GitMirrorManager(new GitMirrorOptions { DataDirectory = _dir.Sub("data"), GitBinary = wrapper });
        Support = new GitStepSupport(_mirrors, options ?? new GitStepOptions { PushRetryDelay = TimeSpan.FromMilliseconds(50), MaxPushRetryDelay = TimeSpan.FromSeconds(1) });
        Clone = new GitCloneStep(Support);
        Clear = new GitClearStep(Support);
        Commit = new GitCommitStep(Support);
        Push = new GitPushStep(Support);
    }

    public GitHttpServer Server { get; }

    public GitStepSupport Support { get; }

    public GitOperationCounts Counts => _mirrors.Counts;

    public GitCloneStep Clone { get; }

    public GitClearStep Clear { get; }

    public GitCommitStep Commit { get; }

    public GitPushStep Push { get; }

    public string ArgvLog => _dir.File("argv.log");

    /// <summary>The work directory of promotion <paramref name="promotion"/>.</summary>
    public string WorkDir(string promotion)
    {
        var path = _dir.Sub(Path.Join("work", promotion));
        Directory.CreateDirectory(path);
        return path;
    }

    public Task<string> ReadAsync(string promotion, string relative) => File.ReadAllTextAsync(Path.Join(WorkDir(promotion), relative));

    public async Task WriteAsync(string promotion, string relative, string text)
    {
        var path = Path.Join(WorkDir(promotion), relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, text);
    }

    public StepContext Context(string promotion, string configJson) => new()
    {
        Project = "demo",
        Stage = "test",
        Promotion = promotion,
        WorkDirectory = new WorkDirectory(WorkDir(promotion)),
        Config = JsonNode.Parse(configJson)!.AsObject(),
        TimeProvider = TimeProvider.System,
        Logger = NullLogger.Instance,
        Secrets = new ServerSecrets(Server.Username, Server.Password),
    };

    public async Task<StepResult> RunAsync(IPromotionStep step, string promotion, string configJson)
    {
        var result = await step.RunAsync(Context(promotion, configJson), CancellationToken.None);
        return result;
    }

    /// <summary>Runs the step and insists it succeeded; returns its outputs.</summary>
    public async Task<JsonObject> OkAsync(IPromotionStep step, string promotion, string configJson)
    {
        var result = await RunAsync(step, promotion, configJson);
        result.Status.ShouldBe(PromotionStepStatus.Succeeded, result.Message);
        return result.Outputs;
    }

    /// <summary>Creates a repository whose <c>main</c> holds <paramref name="files"/>; returns its URL.</summary>
    public async Task<string> SeedAsync(string name, params (string Path, string Text)[] files)
    {
        using var source = new TempDirectory("dray-gitsteps-seed-");
        foreach (var (path, text) in files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(source.File(path))!);
            await File.WriteAllTextAsync(source.File(path), text);
        }

        await Server.SeedRepoAsync(name, source.Path);
        return Server.RepoUrl(name);
    }

    /// <summary>git in the server's bare repository (reading, or making refs there directly).</summary>
    public Task<string> RemoteAsync(string name, params string[] arguments) =>
        GitCli.OutputAsync(Server.RepoPath(name), arguments, CancellationToken.None);

    /// <summary>Someone else commits <paramref name="path"/> to <paramref name="branch"/> and pushes it.</summary>
    public async Task PushElsewhereAsync(string name, string branch, string path, string text)
    {
        using var clone = new TempDirectory("dray-gitsteps-other-");
        await GitCli.RunCheckedAsync(clone.Path, Server.Credentials, ["clone", "--quiet", "--branch", branch, Server.RepoUrl(name), "."], CancellationToken.None);
        Directory.CreateDirectory(Path.GetDirectoryName(clone.File(path))!);
        await File.WriteAllTextAsync(clone.File(path), text);
        await GitCli.RunCheckedAsync(clone.Path, null, ["add", "--all"], CancellationToken.None);
        await GitCli.RunCheckedAsync(clone.Path, null, ["commit", "--quiet", "-m", $"other: {path}"], CancellationToken.None);
        await GitCli.RunCheckedAsync(clone.Path, Server.Credentials, ["push", "--quiet", "origin", branch], CancellationToken.None);
    }

    public void Dispose()
    {
        _mirrors.Dispose();
        _dir.Dispose();
    }
}
