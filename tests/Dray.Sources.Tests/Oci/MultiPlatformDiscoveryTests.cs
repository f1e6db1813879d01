using Dray.Sources.Oci;
using Dray.TestKit.Oci;
using Kit = Dray.TestKit.Oci;

namespace Dray.Sources.Tests.Oci;

public sealed class MultiPlatformDiscoveryTests(AnonymousOciRegistry registry) : IClassFixture<AnonymousOciRegistry>
{
    private static readonly Kit.OciPlatform LinuxArmV7 = new("linux", "arm", "v7");

    [SkippableFact]
    public async Task An_index_resolves_to_the_requested_platform()
    {
        var layout = await registry.PushImageAsync("multi", "1.0.0", new OciImageSpec
        {
            Created = RegistryImages.Epoch,
            Platforms = [Kit.OciPlatform.LinuxAmd64, Kit.OciPlatform.LinuxArm64, LinuxArmV7],
        });
        using var oci = new OciTestClient();

        var result = await oci.Discoverer.DiscoverAsync(
            new ImageDiscoveryRequest { RepoUrl = $"{registry.Host}/multi", Platform = "linux/arm64" },
            null,
            CancellationToken.None);

        result.Platform.ShouldBe("linux/arm64");
        var reference = result.References!.ShouldHaveSingleItem();
        reference.Digest.ShouldBe(layout.Root.Digest);
        reference.CreatedAt.ShouldBe(RegistryImages.Epoch);
        var fetched = oci.Log.Requests.Where(r => r.Method == HttpMethod.Get).Select(r => r.Uri.AbsolutePath).ToList();
        fetched.ShouldContain($"/v2/multi/manifests/{layout.Manifests[1].Digest}");
        fetched.ShouldNotContain($"/v2/multi/manifests/{layout.Manifests[0].Digest}");
        fetched.ShouldContain($"/v2/multi/blobs/{layout.Configs[1].Digest}");
        fetched.ShouldNotContain($"/v2/multi/blobs/{layout.Configs[0].Digest}");
    }

    [SkippableFact]
    public async Task The_client_reads_an_index_and_picks_a_variant()
    {
        var layout = await registry.PushImageAsync("multi-client", "x", new OciImageSpec
        {
            Created = RegistryImages.Epoch,
            Platforms = [Kit.OciPlatform.LinuxAmd64, LinuxArmV7],
        });
        using var oci = new OciTestClient();
        var connection = new RegistryConnection(ImageReference.Parse($"{registry.Host}/multi-client"));

        var index = await oci.Client.GetManifestAsync(connection, "x", CancellationToken.None);
        var entry = OciRegistryClient.SelectPlatform(index, Dray.Sources.Oci.OciPlatform.Parse("linux/arm/v7"))!;
        var manifest = await oci.Client.GetManifestAsync(connection, entry.Digest, CancellationToken.None);
        var config = await oci.Client.GetConfigAsync(connection, manifest.Config!, CancellationToken.None);

        index.IsIndex.ShouldBeTrue();
        index.Digest.ShouldBe(layout.Root.Digest);
        entry.Digest.ShouldBe(layout.Manifests[1].Digest);
        config.Platform.ShouldBe(new Dray.Sources.Oci.OciPlatform("linux", "arm", "v7"));
        config.Created.ShouldBe(RegistryImages.Epoch);
    }

    [SkippableFact]
    public async Task Images_without_the_platform_do_not_count()
    {
        await registry.PushImageAsync("platforms", "2.0.0", new OciImageSpec { Created = RegistryImages.Epoch, Platforms = [Kit.OciPlatform.LinuxAmd64] });
        await registry.PushImageAsync("platforms", "1.5.0", new OciImageSpec { Created = RegistryImages.Epoch, Platforms = [Kit.OciPlatform.LinuxAmd64, Kit.OciPlatform.LinuxArm64] });
        await registry.PushImageAsync("platforms", "1.0.0", new OciImageSpec { Created = RegistryImages.Epoch, Platforms = [Kit.OciPlatform.LinuxArm64] });
        using var oci = new OciTestClient();

        var arm = await oci.Discoverer.DiscoverAsync(
            new ImageDiscoveryRequest { RepoUrl = $"{registry.Host}/platforms", Platform = "linux/arm64" }, null, CancellationToken.None);
        var windows = await oci.Discoverer.DiscoverAsync(
            new ImageDiscoveryRequest { RepoUrl = $"{registry.Host}/platforms", Platform = "windows/amd64" }, null, CancellationToken.None);

        arm.References!.Select(r => r.Tag).ShouldBe(["1.5.0", "1.0.0"]);
        windows.References!.ShouldBeEmpty();
    }

    [SkippableFact]
    public async Task A_limit_reaches_past_the_best_versions_that_lack_the_platform()
    {
        await registry.PushImageAsync("platforms-limit", "3.0.0", new OciImageSpec { Created = RegistryImages.Epoch, Platforms = [Kit.OciPlatform.LinuxAmd64] });
        await registry.PushImageAsync("platforms-limit", "2.0.0", new OciImageSpec { Created = RegistryImages.Epoch, Platforms = [Kit.OciPlatform.LinuxAmd64] });
        await registry.PushImageAsync("platforms-limit", "1.5.0", new OciImageSpec { Created = RegistryImages.Epoch, Platforms = [Kit.OciPlatform.LinuxArm64] });
        await registry.PushImageAsync("platforms-limit", "1.0.0", new OciImageSpec { Created = RegistryImages.Epoch, Platforms = [Kit.OciPlatform.LinuxArm64] });
        using var oci = new OciTestClient();

        var arm = await oci.Discoverer.DiscoverAsync(
            new ImageDiscoveryRequest { RepoUrl = $"{registry.Host}/platforms-limit", Platform = "linux/arm64", DiscoveryLimit = 1 }, null, CancellationToken.None);

        arm.References!.Select(r => r.Tag).ShouldBe(["1.5.0"]);
    }
}
