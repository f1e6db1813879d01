using Dray.Core.Model.Promotions;
using Dray.Steps.Files;

namespace Dray.Steps.Tests.Files;

public sealed class DeleteStepTests
{
    [Theory]
    [InlineData("""{"path":"out/a.yaml"}""", "out/b.yaml,out/sub/c.yaml,out/sub/d.txt")]
    [InlineData("""{"path":"out/sub"}""", "out/a.yaml,out/b.yaml")]
    [InlineData("""{"paths":["out/a.yaml","out/sub/d.txt"]}""", "out/b.yaml,out/sub/c.yaml")]
    [InlineData("""{"paths":["out/*.yaml"],"pathsAreGlobs":true}""", "out/sub/c.yaml,out/sub/d.txt")]
    [InlineData("""{"paths":["out/**/*.yaml"],"pathsAreGlobs":true}""", "out/sub/d.txt")]
    [InlineData("""{"path":"out/missing"}""", "out/a.yaml,out/b.yaml,out/sub/c.yaml,out/sub/d.txt")]
    public async Task Deletes_what_the_paths_name(string config, string remaining)
    {
        using var h = new StepHarness();
        foreach (var f in new[] { "out/a.yaml", "out/b.yaml", "out/sub/c.yaml", "out/sub/d.txt" })
        {
            h.Write(f, f);
        }

        var result = await h.RunAsync(new DeleteStep(), config);

        result.Status.ShouldBe(PromotionStepStatus.Succeeded, result.Message);
        string.Join(',', Directory.EnumerateFiles(h.PathOf("out"), "*", SearchOption.AllDirectories)
            .Select(f => "out/" + Path.GetRelativePath(h.PathOf("out"), f)).Order(StringComparer.Ordinal)).ShouldBe(remaining);
    }

    [Theory]
    [InlineData("""{"path":"nope","strict":true}""", "\"nope\" does not exist")]
    [InlineData("""{"paths":["*.nope"],"pathsAreGlobs":true,"strict":true}""", "no files match \"*.nope\"")]
    public async Task Strict_mode_wants_a_match(string config, string message)
    {
        using var h = new StepHarness();

        var result = await h.RunAsync(new DeleteStep(), config);

        result.Status.ShouldBe(PromotionStepStatus.Errored);
        result.Message.ShouldBe(message);
    }

    [Theory]
    [InlineData("""{}""", "invalid config: config: exactly one of path or paths is required")]
    [InlineData("""{"path":"a","paths":["b"]}""", "invalid config: config: exactly one of path or paths is required")]
    [InlineData("""{"path":"a","strict":"yes"}""", "invalid config: config.strict: expected boolean, got string")]
    public async Task Invalid_configs_fail_terminally(string config, string message)
    {
        using var h = new StepHarness();

        var result = await h.RunAsync(new DeleteStep(), config);

        result.Status.ShouldBe(PromotionStepStatus.Failed);
        result.Terminal.ShouldBeTrue();
        result.Message.ShouldBe(message);
    }

    [Theory]
    [InlineData("""{"path":".."}""")]
    [InlineData("""{"paths":["../*"],"pathsAreGlobs":true}""")]
    public async Task Never_deletes_outside_the_work_directory(string config)
    {
        using var h = new StepHarness();
        h.WriteOutside("precious.txt", "keep");

        var result = await h.RunAsync(new DeleteStep(), config);

        result.Status.ShouldBe(PromotionStepStatus.Errored);
        result.Terminal.ShouldBeTrue();
        h.ReadOutside("precious.txt").ShouldBe("keep");
    }
}
