using System.Net;
using Dray.TestKit.Infrastructure;
using Dray.TestKit.Oci;

namespace Dray.TestKit.Tests.Oci;

/// <summary>What every registry mode must do; subclassed once per mode.</summary>
public abstract class OciRegistryTests<TRegistry>(TRegistry registry)
    where TRegistry : OciRegistry
{
    protected TRegistry Registry { get; } = registry;

    protected static OciImageSpec Image(int minute) =>
        new() { Created = new DateTimeOffset(2024, 1, 1, 0, minute, 0, TimeSpan.Zero) };

    [SkippableFact]
    public async Task Pushed_tags_are_listed_and_keep_their_digest()
    {
        var first = await Registry.PushImageAsync("library/nginx", "1.24.0", Image(1));
        await Registry.PushImageAsync("library/nginx", "1.25.0", Image(2));

        (await Registry.ListTagsAsync("library/nginx")).ShouldBe(["1.24.0", "1.25.0"]);
        var raw = await Skopeo.RawManifestAsync(Registry.Reference("library/nginx", "1.24.0"), Registry.Credentials);
        OciImageBuilder.Digest(raw).ShouldBe(first.Root.Digest);
    }

    [SkippableFact]
    public async Task Multi_platform_index_is_pushed_whole()
    {
        var spec = Image(3) with { Platforms = [OciPlatform.LinuxAmd64, OciPlatform.LinuxArm64] };

        var layout = await Registry.PushImageAsync("multi", "v1", spec);

        var raw = await Skopeo.RawManifestAsync(Registry.Reference("multi", "v1"), Registry.Credentials);
        OciImageBuilder.Digest(raw).ShouldBe(layout.Root.Digest);
    }
}
