using Dray.Cli.Config;
using Dray.Cli.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Dray.Tests.Config;

public sealed class ConfigStoreTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "dray-cfg-" + Guid.NewGuid().ToString("N"));

    private CliContext Context(Dictionary<string, string?> env) =>
        new(TextWriter.Null, TextWriter.Null, TextReader.Null, false, n => env.GetValueOrDefault(n), _dir, _dir, new FakeTimeProvider());

    [Fact]
    public void Path_prefers_DRAY_CONFIG_then_XDG_then_home()
    {
        ConfigStore.For(Context(new() { ["DRAY_CONFIG"] = "/x/c.json", ["XDG_CONFIG_HOME"] = "/xdg" })).Path.ShouldBe("/x/c.json");
        ConfigStore.For(Context(new() { ["XDG_CONFIG_HOME"] = "/xdg" })).Path.ShouldBe("/xdg/dray/config.json");
        ConfigStore.For(Context([])).Path.ShouldBe(Path.Combine(_dir, ".config", "dray", "config.json"));
    }

    [Fact]
    public async Task Missing_file_loads_as_empty()
    {
        var store = new ConfigStore(Path.Combine(_dir, "none.json"));
        (await store.LoadAsync(CancellationToken.None)).ShouldBe(CliConfig.Empty);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Save_then_load_round_trips_and_the_file_is_owner_only()
    {
        var store = new ConfigStore(Path.Combine(_dir, "sub", "config.json"));
        var config = new CliConfig("http://127.0.0.1:8080", "tok-123", "kargo-demo");
        await store.SaveAsync(config, CancellationToken.None);
        (await store.LoadAsync(CancellationToken.None)).ShouldBe(config);
        File.GetUnixFileMode(store.Path).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);

        // Overwriting a file that was made world-readable by hand makes it private again.
        File.SetUnixFileMode(store.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        await store.SaveAsync(config with { Token = null }, CancellationToken.None);
        File.GetUnixFileMode(store.Path).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        (await File.ReadAllTextAsync(store.Path)).ShouldNotContain("token");
    }

    [Fact]
    public async Task Corrupt_file_is_a_clear_error()
    {
        Directory.CreateDirectory(_dir);
        var path = Path.Combine(_dir, "bad.json");
        await File.WriteAllTextAsync(path, "{not json");
        var ex = await Should.ThrowAsync<CliException>(() => new ConfigStore(path).LoadAsync(CancellationToken.None));
        ex.Message.ShouldContain(path);
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }
}
