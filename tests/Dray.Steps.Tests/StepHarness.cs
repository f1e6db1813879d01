using System.Text.Json.Nodes;
using Dray.Core.Model.Freights;
using Dray.Core.Model.Kubernetes;
using Dray.Core.Steps;
using Dray.TestKit.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Dray.Steps.Tests;

/// <summary>A real temporary work directory plus a context to run one step in it.</summary>
public sealed class StepHarness : IDisposable
{
    private readonly TempDirectory _dir = new("dray-steps-");

    public StepHarness() => Directory.CreateDirectory(WorkDir);

    public string WorkDir => Path.Combine(_dir.Path, "work");

    /// <summary>A directory next to the work directory, for escape attempts.</summary>
    public string Outside => _dir.Path;

    public string PathOf(string relative) => Path.Combine(WorkDir, relative);

    public void Write(string relative, string text)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public string Read(string relative) => File.ReadAllText(PathOf(relative));

    public void WriteOutside(string name, string text) => File.WriteAllText(Path.Combine(Outside, name), text);

    public string ReadOutside(string name) => File.ReadAllText(Path.Combine(Outside, name));

    public ValueTask<StepResult> RunAsync(IPromotionStep step, string configJson, IReadOnlyList<Freight>? freight = null) =>
        step.RunAsync(Context(configJson, freight), CancellationToken.None);

    public StepContext Context(string configJson, IReadOnlyList<Freight>? freight = null) => new()
    {
        Project = "demo",
        Stage = "test",
        Promotion = "test.01jq0000000000000000000000.abcdef0",
        WorkDirectory = new WorkDirectory(WorkDir),
        Config = JsonNode.Parse(configJson)!.AsObject(),
        Freight = freight ?? [],
        TimeProvider = new FakeTimeProvider(),
        Logger = NullLogger.Instance,
        Secrets = new NoSecrets(),
    };

    public void Dispose() => _dir.Dispose();

    private sealed class NoSecrets : IStepSecrets
    {
        public ValueTask<Secret?> GetAsync(string name, CancellationToken ct) => ValueTask.FromResult<Secret?>(null);

        public ValueTask<Secret?> FindCredentialsAsync(string credentialType, string repoUrl, CancellationToken ct) =>
            ValueTask.FromResult<Secret?>(null);
    }
}
