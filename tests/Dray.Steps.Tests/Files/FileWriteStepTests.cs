using Dray.Core.Model.Promotions;
using Dray.Steps.Files;

namespace Dray.Steps.Tests.Files;

public sealed class FileWriteStepTests
{
    [Theory]
    [InlineData(null, UnixFileMode.UserRead | UnixFileMode.UserWrite)]
    [InlineData("0644", UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead)]
    [InlineData("0400", UnixFileMode.UserRead)]
    public async Task Writes_contents_with_the_mode(string? permissions, UnixFileMode expected)
    {
        using var h = new StepHarness();
        var mode = permissions is null ? string.Empty : $$""","permissions":"{{permissions}}" """;

        var result = await h.RunAsync(new FileWriteStep(), $$"""{"path":"out/a/notes.txt","contents":"hello\nworld\n"{{mode}}}""");

        result.Status.ShouldBe(PromotionStepStatus.Succeeded, result.Message);
        h.Read("out/a/notes.txt").ShouldBe("hello\nworld\n");
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(h.PathOf("out/a/notes.txt")).ShouldBe(expected);
        }
    }

    [Fact]
    public async Task Empty_contents_are_allowed()
    {
        using var h = new StepHarness();

        var result = await h.RunAsync(new FileWriteStep(), """{"path":"empty","contents":""}""");

        result.Status.ShouldBe(PromotionStepStatus.Succeeded, result.Message);
        h.Read("empty").ShouldBe(string.Empty);
    }

    [Theory]
    [InlineData(false, PromotionStepStatus.Errored, "old")]
    [InlineData(true, PromotionStepStatus.Succeeded, "new")]
    public async Task Overwrites_only_when_asked(bool overwrite, PromotionStepStatus status, string contents)
    {
        using var h = new StepHarness();
        h.Write("f.txt", "old");

        var result = await h.RunAsync(new FileWriteStep(), $$"""{"path":"f.txt","contents":"new","overwrite":{{(overwrite ? "true" : "false")}}}""");

        result.Status.ShouldBe(status);
        h.Read("f.txt").ShouldBe(contents);
    }

    [Theory]
    [InlineData("""{"path":"f","contents":"x","permissions":"0755"}""", PromotionStepStatus.Failed, "invalid config: config.permissions: executable mode 0755 is not allowed")]
    [InlineData("""{"path":"f","contents":"x","permissions":"0646"}""", PromotionStepStatus.Failed, "invalid config: config.permissions: world-writable mode 0646 is not allowed")]
    [InlineData("""{"path":"f","contents":"x","permissions":"644"}""", PromotionStepStatus.Failed, "invalid config: config.permissions: must match ^0[0-7]{3}$")]
    [InlineData("""{"path":"f","contents":"x","permissions":"04755"}""", PromotionStepStatus.Failed, "invalid config: config.permissions: must match ^0[0-7]{3}$")]
    [InlineData("""{"path":"f"}""", PromotionStepStatus.Failed, "invalid config: config.contents: required")]
    [InlineData("""{"path":"repo/.git/hooks/pre-commit","contents":"x"}""", PromotionStepStatus.Errored, "refusing to write \"repo/.git/hooks/pre-commit\" inside a .git directory")]
    [InlineData("""{"path":"../escape","contents":"x"}""", PromotionStepStatus.Errored, "path \"../escape\" resolves outside the work directory")]
    public async Task Refuses_unsafe_writes(string config, PromotionStepStatus status, string message)
    {
        using var h = new StepHarness();

        var result = await h.RunAsync(new FileWriteStep(), config);

        result.Status.ShouldBe(status);
        result.Terminal.ShouldBeTrue();
        result.Message.ShouldBe(message);
        File.Exists(Path.Combine(h.Outside, "escape")).ShouldBeFalse();
    }
}
