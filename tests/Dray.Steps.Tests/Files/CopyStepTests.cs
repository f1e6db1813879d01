using Dray.Core.Model.Promotions;
using Dray.Steps.Files;

namespace Dray.Steps.Tests.Files;

public sealed class CopyStepTests
{
    [Fact]
    public async Task Copies_a_file()
    {
        using var h = new StepHarness();
        h.Write("src/a.yaml", "a: 1\n");

        var result = await h.RunAsync(new CopyStep(), """{"inPath":"src/a.yaml","outPath":"out/b.yaml"}""");

        result.Status.ShouldBe(PromotionStepStatus.Succeeded, result.Message);
        h.Read("out/b.yaml").ShouldBe("a: 1\n");
    }

    [Fact]
    public async Task Copies_a_directory_leaving_out_ignored_paths()
    {
        using var h = new StepHarness();
        h.Write("src/app/deploy.yaml", "kind: Deployment\n");
        h.Write("src/app/notes.md", "notes");
        h.Write("src/app/keep.md", "keep");
        h.Write("src/tmp/x.yaml", "x");
        h.Write("src/nested/tmp/y.yaml", "y");

        var result = await h.RunAsync(new CopyStep(), """{"inPath":"src","outPath":"out","ignore":"# docs\n*.md\n!keep.md\n/tmp/\n"}""");

        result.Status.ShouldBe(PromotionStepStatus.Succeeded, result.Message);
        Files(h, "out").ShouldBe(["app/deploy.yaml", "app/keep.md", "nested/tmp/y.yaml"]);
        h.Read("out/app/deploy.yaml").ShouldBe("kind: Deployment\n");
    }

    [Fact]
    public async Task A_link_out_of_the_work_directory_is_rejected()
    {
        using var h = new StepHarness();
        h.WriteOutside("secret.txt", "s3cret");
        h.Write("src/ok.txt", "ok");
        File.CreateSymbolicLink(h.PathOf("src/leak.txt"), Path.Combine(h.Outside, "secret.txt"));

        var result = await h.RunAsync(new CopyStep(), """{"inPath":"src","outPath":"out"}""");

        result.Status.ShouldBe(PromotionStepStatus.Errored);
        result.Terminal.ShouldBeTrue();
        File.Exists(h.PathOf("out/leak.txt")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("""{"inPath":"../","outPath":"out"}""")]
    [InlineData("""{"inPath":"src","outPath":"/tmp/dray-copy-escape"}""")]
    public async Task Paths_outside_the_work_directory_are_rejected(string config)
    {
        using var h = new StepHarness();
        h.Write("src/a", "a");

        var result = await h.RunAsync(new CopyStep(), config);

        result.Status.ShouldBe(PromotionStepStatus.Errored);
        result.Terminal.ShouldBeTrue();
        Directory.Exists("/tmp/dray-copy-escape").ShouldBeFalse();
    }

    private static string[] Files(StepHarness h, string dir) =>
        Directory.EnumerateFiles(h.PathOf(dir), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(h.PathOf(dir), f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToArray();
}
