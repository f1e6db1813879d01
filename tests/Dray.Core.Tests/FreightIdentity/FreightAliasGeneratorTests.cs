using System.Text.RegularExpressions;
using Dray.Core.FreightIdentity;

namespace Dray.Core.Tests.FreightIdentity;

public sealed class FreightAliasGeneratorTests
{
    private static readonly Regex LabelSafeWord = new("^[a-z]+$", RegexOptions.CultureInvariant);

    [Fact]
    public void Word_lists_are_about_a_hundred_distinct_label_safe_words()
    {
        AliasWords.Adjectives.Length.ShouldBeInRange(90, 150);
        AliasWords.Animals.Length.ShouldBeInRange(90, 150);
        AliasWords.Adjectives.Distinct().Count().ShouldBe(AliasWords.Adjectives.Length);
        AliasWords.Animals.Distinct().Count().ShouldBe(AliasWords.Animals.Length);
        AliasWords.Adjectives.Concat(AliasWords.Animals).ShouldAllBe(w => LabelSafeWord.IsMatch(w));
    }

    [Fact]
    public void Generates_adjective_animal_pairs()
    {
        var alias = new FreightAliasGenerator().Generate(new HashSet<string>());

        var parts = alias.Split('-');
        parts.Length.ShouldBe(2);
        AliasWords.Adjectives.ShouldContain(parts[0]);
        AliasWords.Animals.ShouldContain(parts[1]);
    }

    [Fact]
    public void Skips_taken_aliases()
    {
        var generator = new FreightAliasGenerator(_ => 0);

        generator.Generate(new HashSet<string>()).ShouldBe("agile-aardvark");
        generator.Generate(new HashSet<string> { "agile-aardvark" }).ShouldBe("agile-albatross");
    }

    [Fact]
    public void Finds_the_last_free_alias_in_a_crowded_space()
    {
        var all = AllAliases().ToList();
        var free = all[4321];
        var taken = all.Where(a => a != free).ToHashSet();

        new FreightAliasGenerator().Generate(taken).ShouldBe(free);
    }

    [Fact]
    public void Adds_a_suffix_when_every_pair_is_taken()
    {
        var taken = AllAliases().ToHashSet();

        var alias = new FreightAliasGenerator(_ => 0).Generate(taken);

        alias.ShouldBe("agile-aardvark-2");
        FreightAliasGenerator.Capacity.ShouldBe(taken.Count);
    }

    private static IEnumerable<string> AllAliases() =>
        AliasWords.Adjectives.SelectMany(a => AliasWords.Animals.Select(n => $"{a}-{n}"));
}
