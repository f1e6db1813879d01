using Dray.Core.FreightIdentity;
using Microsoft.Extensions.Time.Testing;

namespace Dray.Core.Tests.FreightIdentity;

public sealed class PromotionNameTests
{
    private const string Freight = "666209fd9755a1e48bec6b27f5f447747410dd9e";

    [Fact]
    public void Name_is_stage_ulid_and_short_freight_in_lower_case()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.Zero));

        var name = PromotionName.Create("Test", Freight, time);

        var parts = name.Split('.');
        parts.Length.ShouldBe(3);
        parts[0].ShouldBe("test");
        parts[2].ShouldBe("666209f");
        parts[1].Length.ShouldBe(26);
        parts[1].ShouldBe(parts[1].ToLowerInvariant());
        Ulid.Parse(parts[1].ToUpperInvariant()).Time.ShouldBe(time.GetUtcNow());
    }

    [Fact]
    public void Known_ulid_gives_the_documented_example()
    {
        var id = Ulid.Parse("01J2W7A15CXJJGEJRESFYW6YSP");

        PromotionName.Create("test", Freight, id).ShouldBe("test.01j2w7a15cxjjgejresfyw6ysp.666209f");
    }

    [Fact]
    public void Later_promotions_sort_after_earlier_ones()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.Zero));
        var first = PromotionName.Create("uat", Freight, time);
        time.Advance(TimeSpan.FromMilliseconds(1));
        var second = PromotionName.Create("uat", "0000000", time);

        string.CompareOrdinal(first, second).ShouldBeLessThan(0);
    }

    [Fact]
    public void Long_stage_names_are_cut_to_fit_253_characters()
    {
        var stage = string.Concat(Enumerable.Repeat("abcdefghij", 30));

        var name = PromotionName.Create(stage, Freight, Ulid.Parse("01J2W7A15CXJJGEJRESFYW6YSP"));

        name.Length.ShouldBe(253);
        name.Split('.')[0].ShouldBe(stage[..218]);
    }

    [Fact]
    public void A_cut_never_leaves_a_trailing_separator()
    {
        var stage = new string('a', 217) + "-" + new string('b', 20);

        var name = PromotionName.Create(stage, Freight, Ulid.Parse("01J2W7A15CXJJGEJRESFYW6YSP"));

        name.ShouldStartWith(new string('a', 217) + ".");
    }

    [Fact]
    public void Short_freight_names_are_kept_whole()
    {
        PromotionName.Create("s", "AbC", Ulid.Parse("01J2W7A15CXJJGEJRESFYW6YSP")).ShouldEndWith(".abc");
    }

    [Fact]
    public void Analysis_run_names_use_the_collection_id()
    {
        AnalysisRunName.Create("uat", "101bca5b0e18ca7913978a1da956308d2544f741", Ulid.Parse("01J2W7A15CXJJGEJRESFYW6YSP"))
            .ShouldBe("uat.01j2w7a15cxjjgejresfyw6ysp.101bca5");
    }
}
