using Dray.Cli.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Dray.Tests.Infrastructure;

public sealed class ManifestFilesTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "dray-mf-" + Guid.NewGuid().ToString("N"));

    private CliContext Context(string stdin = "") =>
        new(TextWriter.Null, TextWriter.Null, new StringReader(stdin), false, _ => null, _dir, _dir, new FakeTimeProvider());

    [Fact]
    public async Task A_directory_expands_to_manifests_recursively_in_ordinal_order()
    {
        Write("m/b.yaml", "b");
        Write("m/a.yml", "a");
        Write("m/sub/c.json", "c");
        Write("m/README.md", "skip");
        Write("m/Z.yaml", "z");
        var files = await ManifestFiles.ReadAsync(Context(), ["m"], CancellationToken.None);
        files.Select(f => f.Name).ShouldBe(["m/Z.yaml", "m/a.yml", "m/b.yaml", "m/sub/c.json"]);
        files.Select(f => f.Content).ShouldBe(["z", "a", "b", "c"]);
        files[3].MediaType.ShouldBe("application/json");
        files[0].MediaType.ShouldBe("application/yaml");
    }

    [Fact]
    public async Task Dash_reads_standard_input_once()
    {
        Write("one.yaml", "1");
        var files = await ManifestFiles.ReadAsync(Context("kind: Project"), ["one.yaml", "-"], CancellationToken.None);
        files.Select(f => (f.Name, f.Content)).ShouldBe([("one.yaml", "1"), (ManifestFiles.StdinName, "kind: Project")]);
        var twice = await Should.ThrowAsync<CliException>(() => ManifestFiles.ReadAsync(Context(), ["-", "-"], CancellationToken.None));
        twice.ExitCode.ShouldBe(ExitCodes.Usage);
    }

    [Fact]
    public async Task An_empty_directory_is_an_error()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "empty"));
        var ex = await Should.ThrowAsync<CliException>(() => ManifestFiles.ReadAsync(Context(), ["empty"], CancellationToken.None));
        ex.Message.ShouldContain("no *.yaml");
    }

    private void Write(string relative, string content)
    {
        var path = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }
}
