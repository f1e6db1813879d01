using Dray.Core.Steps;
using Dray.TestKit.Infrastructure;

namespace Dray.Core.Tests.Steps;

public sealed class WorkDirectoryTests : IDisposable
{
    private readonly TempDirectory _temp = new("dray-workdir-");
    private readonly WorkDirectory _work;

    public WorkDirectoryTests()
    {
        Directory.CreateDirectory(Path.Combine(_temp.Path, "work", "inside"));
        Directory.CreateDirectory(Path.Combine(_temp.Path, "elsewhere"));
        File.CreateSymbolicLink(Path.Combine(_temp.Path, "work", "out-link"), Path.Combine(_temp.Path, "elsewhere"));
        File.CreateSymbolicLink(Path.Combine(_temp.Path, "work", "in-link"), Path.Combine(_temp.Path, "work", "inside"));
        File.CreateSymbolicLink(Path.Combine(_temp.Path, "work", "relative-out"), "../elsewhere");
        File.CreateSymbolicLink(Path.Combine(_temp.Path, "work", "chain"), "out-link");
        _work = new WorkDirectory(Path.Combine(_temp.Path, "work"));
    }

    [Theory]
    [InlineData("a.yaml", "a.yaml")]
    [InlineData("./inside/../a.yaml", "a.yaml")]
    [InlineData("inside/new/deeper.yaml", "inside/new/deeper.yaml")]
    [InlineData("in-link/x.yaml", "in-link/x.yaml")]
    [InlineData(".", ".")]
    public void Resolves_paths_that_stay_inside(string path, string relative)
    {
        _work.Relative(_work.Resolve(path)).ShouldBe(relative);
    }

    [Fact]
    public void Accepts_an_absolute_path_inside_the_root()
    {
        _work.Resolve(Path.Combine(_work.Root, "inside", "f")).ShouldBe(Path.Combine(_work.Root, "inside", "f"));
    }

    [Theory]
    [InlineData("..")]
    [InlineData("../elsewhere/x")]
    [InlineData("inside/../../x")]
    [InlineData("/etc/passwd")]
    [InlineData("out-link/x")]
    [InlineData("out-link")]
    [InlineData("relative-out/x")]
    [InlineData("chain/x")]
    public void Rejects_paths_that_escape_terminally(string path)
    {
        var error = Should.Throw<StepException>(() => _work.Resolve(path));
        error.Terminal.ShouldBeTrue();
        error.Message.ShouldBe($"path \"{path}\" resolves outside the work directory");
    }

    public void Dispose() => _temp.Dispose();
}
