using Dray.Core.Model.Common;
using Dray.Core.Model.Freights;
using Dray.Core.Model.Promotions;
using Dray.Steps.Kustomize;

namespace Dray.Steps.Tests.Kustomize;

public sealed class KustomizeSetImageStepTests
{
    private const string Overlay = """
        # Overlay for the test stage.
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization

        resources:
          - ../../base   # shared base
        images:
          - name: nginx
            newName: ghcr.io/acme/nginx # mirrored
            newTag: "1.25.0"
          # the database
          - name: postgres
            digest: sha256:aaaa
        namespace: test
        """;

    /// <summary>Each case: the images config, the expected file and the expected commit message.</summary>
    public static TheoryData<string, string, string> Cases => new()
    {
        {
            """[{"image":"nginx","newName":"ghcr.io/acme/nginx","tag":"1.26.0"}]""",
            Overlay.Replace("newTag: \"1.25.0\"", "newTag: \"1.26.0\"", StringComparison.Ordinal),
            "Updated overlays/test to use new images\n\n- ghcr.io/acme/nginx:1.26.0\n- postgres@sha256:aaaa"
        },
        {
            // A requested image replaces the whole entry, so a newName not asked for again goes away.
            """[{"image":"nginx","tag":"1.26.0"}]""",
            Overlay.Replace(
                "    newName: ghcr.io/acme/nginx # mirrored\n    newTag: \"1.25.0\"\n",
                "    newTag: \"1.26.0\"\n",
                StringComparison.Ordinal),
            "Updated overlays/test to use new images\n\n- nginx:1.26.0\n- postgres@sha256:aaaa"
        },
        {
            // A requested image replaces the entry: newName goes, and a digest removes the tag.
            """[{"image":"nginx","digest":"sha256:bbbb"}]""",
            Overlay.Replace(
                "    newName: ghcr.io/acme/nginx # mirrored\n    newTag: \"1.25.0\"\n",
                "    digest: sha256:bbbb\n",
                StringComparison.Ordinal),
            "Updated overlays/test to use new images\n\n- nginx@sha256:bbbb\n- postgres@sha256:aaaa"
        },
        {
            // "*" keeps the file's newName; newTag is inserted before the digest, in kustomize's field order.
            """[{"image":"postgres","newName":"*","tag":"16.1"}]""",
            Overlay.Replace(
                "  - name: postgres\n    digest: sha256:aaaa\n",
                "  - name: postgres\n    newTag: \"16.1\"\n",
                StringComparison.Ordinal),
            "Updated overlays/test to use new images\n\n- ghcr.io/acme/nginx:1.25.0\n- postgres:16.1"
        },
        {
            // New entries are written in sorted position, indented like their neighbours.
            """[{"image":"redis","tag":"7.2"},{"image":"alpine","newName":"docker.io/library/alpine","tag":"3.20"}]""",
            Overlay.Replace(
                "images:\n  - name: nginx\n",
                "images:\n  - name: alpine\n    newName: docker.io/library/alpine\n    newTag: \"3.20\"\n  - name: nginx\n",
                StringComparison.Ordinal).Replace(
                "    digest: sha256:aaaa\n",
                "    digest: sha256:aaaa\n  - name: redis\n    newTag: \"7.2\"\n",
                StringComparison.Ordinal),
            "Updated overlays/test to use new images\n\n- docker.io/library/alpine:3.20\n- ghcr.io/acme/nginx:1.25.0\n- postgres@sha256:aaaa\n- redis:7.2"
        },
        {
            // The name in the kustomization differs from the subscribed repository.
            """[{"image":"ghcr.io/acme/postgres","name":"postgres","tag":"v16"}]""",
            Overlay.Replace("    digest: sha256:aaaa\n", "    newTag: v16\n", StringComparison.Ordinal),
            "Updated overlays/test to use new images\n\n- ghcr.io/acme/nginx:1.25.0\n- postgres:v16"
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Edits_images_like_kustomize_edit_set_image(string images, string expected, string message)
    {
        using var h = new StepHarness();
        h.Write("overlays/test/kustomization.yaml", Overlay);

        var result = await h.RunAsync(new KustomizeSetImageStep(), $$"""{"path":"overlays/test","images":{{images}}}""");

        result.Status.ShouldBe(PromotionStepStatus.Succeeded, result.Message);
        h.Read("overlays/test/kustomization.yaml").ShouldBe(expected);
        result.Outputs["commitMessage"]!.GetValue<string>().ShouldBe(message);
    }

    [Fact]
    public async Task Reorders_an_unsorted_list_by_name_keeping_each_entry_text()
    {
        using var h = new StepHarness();
        h.Write("kustomization.yaml", "images:\n- name: zeta # last\n  newTag: \"1\"\n- name: alpha\n  newTag: \"2\"\n");

        var result = await h.RunAsync(new KustomizeSetImageStep(), """{"path":".","images":[{"image":"zeta","tag":"3"}]}""");

        result.Status.ShouldBe(PromotionStepStatus.Succeeded, result.Message);
        h.Read("kustomization.yaml").ShouldBe("images:\n- name: alpha\n  newTag: \"2\"\n- name: zeta # last\n  newTag: \"3\"\n");
    }

    [Theory]
    [InlineData("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n", "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nimages:\n- name: nginx\n  newTag: 1.21.0\n")]
    [InlineData("kind: Kustomization", "kind: Kustomization\nimages:\n- name: nginx\n  newTag: 1.21.0\n")]
    [InlineData("images:\nkind: Kustomization\n", "images:\n- name: nginx\n  newTag: 1.21.0\nkind: Kustomization\n")]
    [InlineData("images: # none yet\n\nkind: Kustomization\n", "images: # none yet\n- name: nginx\n  newTag: 1.21.0\n\nkind: Kustomization\n")]
    [InlineData("images: []\nkind: Kustomization\n", "images:\n- name: nginx\n  newTag: 1.21.0\nkind: Kustomization\n")]
    [InlineData("images: [{name: redis, newTag: '7'}]\n", "images:\n- name: nginx\n  newTag: 1.21.0\n- name: redis\n  newTag: \"7\"\n")]
    public async Task Writes_kustomize_layout_where_there_is_no_block_list(string before, string after)
    {
        using var h = new StepHarness();
        h.Write("kustomization.yaml", before);

        var result = await h.RunAsync(new KustomizeSetImageStep(), """{"path":".","images":[{"image":"nginx","tag":"1.21.0"}]}""");

        result.Status.ShouldBe(PromotionStepStatus.Succeeded, result.Message);
        h.Read("kustomization.yaml").ShouldBe(after);
        result.Outputs["commitMessage"]!.GetValue<string>().ShouldStartWith("Updated . to use new image");
    }

    [Fact]
    public async Task Takes_every_image_from_the_Freight_when_images_is_omitted()
    {
        using var h = new StepHarness();
        h.Write("Kustomization", "kind: Kustomization\n");
        var freight = new[]
        {
            Freight("w1", new Image { RepoURL = "nginx", Digest = "sha256:123" }),
            Freight("w2", new Image { RepoURL = "redis", Tag = "6.2.5" }),
        };

        var result = await h.RunAsync(new KustomizeSetImageStep(), """{"path":"."}""", freight);

        result.Status.ShouldBe(PromotionStepStatus.Succeeded, result.Message);
        result.Outputs["commitMessage"]!.GetValue<string>().ShouldBe("Updated . to use new images\n\n- nginx@sha256:123\n- redis:6.2.5");
        h.Read("Kustomization").ShouldBe("kind: Kustomization\nimages:\n- name: nginx\n  digest: sha256:123\n- name: redis\n  newTag: 6.2.5\n");
    }

    [Fact]
    public async Task The_same_image_from_two_Warehouses_is_ambiguous()
    {
        using var h = new StepHarness();
        h.Write("kustomization.yaml", "kind: Kustomization\n");
        var freight = new[] { Freight("w1", new Image { RepoURL = "nginx", Tag = "1" }), Freight("w2", new Image { RepoURL = "nginx", Tag = "2" }) };

        var result = await h.RunAsync(new KustomizeSetImageStep(), """{"path":"."}""", freight);

        result.Status.ShouldBe(PromotionStepStatus.Errored);
        result.Message.ShouldNotBeNull().ShouldStartWith("manual configuration required due to ambiguous result");
    }

    [Theory]
    [InlineData("", "could not find any Kustomization files in \".\"")]
    [InlineData("kustomization.yml", "ambiguous result: found multiple Kustomization files")]
    public async Task Needs_exactly_one_kustomization_file(string extra, string expected)
    {
        using var h = new StepHarness();
        if (extra.Length > 0)
        {
            h.Write("kustomization.yaml", "kind: Kustomization\n");
            h.Write(extra, "kind: Kustomization\n");
        }

        var result = await h.RunAsync(new KustomizeSetImageStep(), """{"path":".","images":[{"image":"nginx","tag":"1"}]}""");

        result.Status.ShouldBe(PromotionStepStatus.Errored);
        result.Message.ShouldNotBeNull().ShouldStartWith(expected);
    }

    [Theory]
    [InlineData("""{"images":[{"image":"a","tag":"1"}]}""", "config.path: required")]
    [InlineData("""{"path":""}""", "config.path: must be at least 1 character(s) long")]
    [InlineData("""{"path":".","images":[{"tag":"1"}]}""", "config.images[0].image: required")]
    [InlineData("""{"path":".","images":[{"image":"a"}]}""", "config.images[0]: exactly one of tag or digest is required")]
    [InlineData("""{"path":".","images":[{"image":"a","tag":"1","digest":"sha256:1"}]}""", "config.images[0]: exactly one of tag or digest is required")]
    [InlineData("""{"path":".","images":[{"image":"a","tag":1}]}""", "config.images[0].tag: expected string or null, got integer")]
    [InlineData("""{"path":".","images":[{"image":"a","tag":"1","useDigest":true}]}""", "config.images[0].useDigest: unknown field")]
    public async Task Invalid_configs_fail_terminally(string config, string expected)
    {
        using var h = new StepHarness();

        var result = await h.RunAsync(new KustomizeSetImageStep(), config);

        result.Status.ShouldBe(PromotionStepStatus.Failed);
        result.Terminal.ShouldBeTrue();
        result.Message.ShouldBe($"invalid config: {expected}");
    }

    [Fact]
    public async Task A_path_outside_the_work_directory_is_rejected()
    {
        using var h = new StepHarness();
        h.WriteOutside("kustomization.yaml", "kind: Kustomization\n");

        var result = await h.RunAsync(new KustomizeSetImageStep(), """{"path":"..","images":[{"image":"nginx","tag":"1"}]}""");

        result.Status.ShouldBe(PromotionStepStatus.Errored);
        result.Terminal.ShouldBeTrue();
        h.ReadOutside("kustomization.yaml").ShouldBe("kind: Kustomization\n");
    }

    private static Freight Freight(string warehouse, Image image) => new()
    {
        Metadata = new ObjectMeta { Name = warehouse + "-freight" },
        Origin = new FreightOrigin { Kind = FreightOriginKind.Warehouse, Name = warehouse },
        Images = [image],
    };
}
