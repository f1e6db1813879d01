using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;
using Dray.Core.Steps;

namespace Dray.Core.Tests.Steps;

public sealed class StepConfigBinderTests
{
    public static TheoryData<string, string> Invalid => new()
    {
        { """{}""", "config.path: required; config.images: required" },
        { """{"path":"p","images":[{"image":"a"},{}]}""", "config.images[1].image: required" },
        { """{"path":"p","images":[{"image":"a","extra":1}]}""", "config.images[0].extra: unknown field" },
        { """{"path":"p","images":[{"image":""}]}""", "config.images[0].image: must be at least 1 character(s) long" },
        { """{"path":"p","images":[null]}""", "config.images[0]: expected object, got null" },
        { """{"path":"p","images":[{"image":"a","replicas":1.5}]}""", "config.images[0].replicas: expected integer or null, got number" },
        { """{"path":"p","images":[{"image":"a","replicas":0}]}""", "config.images[0].replicas: must be at least 1" },
        { """{"path":"p","images":[{"image":"a","mode":"Fast"}]}""", "config.images[0].mode: must be one of \"Slow\", \"Careful\"" },
        { """{"path":["p"],"images":[]}""", "config.path: expected string, got array" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Names_the_path_of_every_problem(string json, string expected)
    {
        StepConfigBinder.TryBind<SampleConfig>(JsonNode.Parse(json)!.AsObject(), out var bound, out var error).ShouldBeFalse();
        bound.ShouldBeNull();
        error.ShouldBe(expected);
    }

    [Fact]
    public void Binds_a_valid_config_once_into_the_record()
    {
        StepConfigBinder.TryBind<SampleConfig>(
            JsonNode.Parse("""{"path":"p","images":[{"image":"a","replicas":2,"mode":"Careful"}]}""")!.AsObject(),
            out var bound,
            out var error).ShouldBeTrue(error);

        bound.ShouldBe(new SampleConfig { Path = "p", Images = bound!.Images });
        bound.Images.Single().ShouldBe(new SampleImage { Image = "a", Replicas = 2, Mode = SampleMode.Careful });
    }

    [Fact]
    public void The_schema_is_the_one_validation_uses()
    {
        var schema = StepSchemas.For<SampleConfig>();

        schema["required"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["path", "images"]);
        schema["additionalProperties"]!.GetValue<bool>().ShouldBeFalse();
        schema["properties"]!["images"]!["items"]!["properties"]!["image"]!["minLength"]!.GetValue<int>().ShouldBe(1);
        StepSchemas.For<SampleConfig>().ShouldNotBeSameAs(schema);
    }

    public sealed record SampleConfig
    {
        public required string Path { get; init; }

        public required IReadOnlyList<SampleImage> Images { get; init; }
    }

    public sealed record SampleImage
    {
        [MinLength(1)]
        public required string Image { get; init; }

        [Range(1, 10)]
        public int? Replicas { get; init; }

        public SampleMode? Mode { get; init; }
    }

    public enum SampleMode
    {
        Slow,
        Careful,
    }
}
