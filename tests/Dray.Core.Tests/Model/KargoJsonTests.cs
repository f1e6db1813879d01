using System.Text.Json;
using Dray.Core.Model;
using Dray.Core.Model.Analysis;
using Dray.Core.Model.Common;
using Dray.Core.Model.Freights;
using Dray.Core.Model.Stages;
using Dray.Core.Model.Warehouses;
using Dray.Core.Resources;

namespace Dray.Core.Tests.Model;

public sealed class KargoJsonTests
{
    [Fact]
    public void Options_are_read_only()
    {
        KargoJson.Options.IsReadOnly.ShouldBeTrue();
        Should.Throw<InvalidOperationException>(() => KargoJson.Options.WriteIndented = true);
    }

    [Fact]
    public void Writes_camel_case_omits_nulls_and_spells_enums_like_kargo()
    {
        var sources = new FreightSources { Direct = true, AvailabilityStrategy = AvailabilityStrategy.Unspecified };
        var image = new ImageSubscription { RepoURL = "nginx", ImageSelectionStrategy = ImageSelectionStrategy.NewestBuild };

        JsonSerializer.Serialize(sources, KargoJson.Options).ShouldBe("""{"direct":true,"availabilityStrategy":""}""");
        JsonSerializer.Serialize(image, KargoJson.Options).ShouldBe("""{"repoURL":"nginx","imageSelectionStrategy":"NewestBuild"}""");
    }

    [Fact]
    public void Timestamps_are_written_in_utc_with_z_and_fractions_only_when_present()
    {
        var stage = new CurrentStage { Since = new DateTimeOffset(2026, 11, 20, 10, 30, 0, TimeSpan.FromHours(1)) };
        var precise = new CurrentStage { Since = new DateTimeOffset(2026, 11, 20, 9, 30, 0, 250, TimeSpan.Zero) };

        JsonSerializer.Serialize(stage, KargoJson.Options).ShouldBe("""{"since":"2026-11-20T09:30:00Z"}""");
        JsonSerializer.Serialize(precise, KargoJson.Options).ShouldBe("""{"since":"2026-11-20T09:30:00.25Z"}""");
    }

    [Fact]
    public void Unknown_enum_values_and_integer_enums_are_rejected()
    {
        Should.Throw<JsonException>(() => JsonSerializer.Deserialize<FreightSources>("""{"availabilityStrategy":"Some"}""", KargoJson.Options));
        Should.Throw<JsonException>(() => JsonSerializer.Deserialize<ImageSubscription>("""{"repoURL":"x","imageSelectionStrategy":1}""", KargoJson.Options));
    }

    [Fact]
    public void Missing_required_fields_are_rejected()
    {
        Should.Throw<JsonException>(() => JsonSerializer.Deserialize<FreightOrigin>("""{"kind":"Warehouse"}""", KargoJson.Options));
    }

    [Fact]
    public void Generic_subscriptions_are_kept_verbatim()
    {
        const string json = """{"name":"models","s3":{"config":{"bucket":"b"},"discoveryLimit":3}}""";

        var subscription = JsonSerializer.Deserialize<RepoSubscription>(json, KargoJson.Options)!;

        subscription.Git.ShouldBeNull();
        subscription.Generic!.Keys.ShouldBe(["s3"]);
        JsonSerializer.Serialize(subscription, KargoJson.Options).ShouldBe(json);
    }

    [Fact]
    public void Int_or_string_limits_read_and_write_both_forms()
    {
        var metric = JsonSerializer.Deserialize<Metric>(
            """{"name":"m","count":3,"failureLimit":"{{ args.limit }}","provider":{"web":{"url":"http://x"}}}""", KargoJson.Options)!;

        metric.Count!.Value.IntValue.ShouldBe(3);
        metric.FailureLimit!.Value.StringValue.ShouldBe("{{ args.limit }}");
        JsonSerializer.Serialize(metric, KargoJson.Options).ShouldContain("""
            "count":3,"failureLimit":"{{ args.limit }}"
            """.Trim());
    }

    [Fact]
    public void A_stored_document_reads_as_its_record()
    {
        var document = ResourceDocument.Parse("""
            {"apiVersion":"kargo.akuity.io/v1alpha1","kind":"Warehouse","metadata":{"name":"w","namespace":"p"},
             "spec":{"subscriptions":[{"image":{"repoURL":"nginx"}}]}}
            """);

        var warehouse = document.As<Warehouse>(KargoJson.Options);

        warehouse.Metadata.Name.ShouldBe("w");
        warehouse.Spec.Subscriptions.Single().Image!.RepoURL.ShouldBe("nginx");
        warehouse.Spec.Interval.ShouldBeNull();
        new Warehouse { Metadata = new ObjectMeta(), Spec = warehouse.Spec }.Kind.ShouldBe(ResourceKinds.Warehouse.Kind);
    }

    [Fact]
    public void Records_convert_to_and_from_store_documents()
    {
        var stage = new Stage
        {
            Metadata = new ObjectMeta { Name = "uat", Namespace = "demo", Labels = new Dictionary<string, string> { ["a"] = "b" } },
            Spec = new StageSpec
            {
                RequestedFreight =
                [
                    new FreightRequest
                    {
                        Origin = new FreightOrigin { Kind = FreightOriginKind.Warehouse, Name = "w" },
                        Sources = new FreightSources { Direct = true },
                    },
                ],
            },
        };

        var document = KargoJson.ToDocument(stage);

        document.Key.ShouldBe(new ResourceKey("Stage", "demo", "uat"));
        document.ApiVersion.ShouldBe(ResourceKinds.KargoApiVersion);
        document.GetLabel("a").ShouldBe("b");
        document.Spec!.ToJsonString().ShouldBe(
            """{"requestedFreight":[{"origin":{"kind":"Warehouse","name":"w"},"sources":{"direct":true}}]}""");
        KargoJson.FromDocument<Stage>(document).Spec.RequestedFreight.Single().Origin.Name.ShouldBe("w");
    }
}
