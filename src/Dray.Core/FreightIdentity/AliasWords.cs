using System.Collections.Immutable;

namespace Dray.Core.FreightIdentity;

/// <summary>Dray's own word lists for Freight aliases: short, friendly, lower-case and label-safe.</summary>
internal static class AliasWords
{
    public static ImmutableArray<string> Adjectives { get; } =
    [
        "agile", "amber", "ancient", "arctic", "autumn", "azure", "bashful", "bold", "brave", "breezy",
        "bright", "brisk", "calm", "candid", "cheerful", "chilly", "clever", "cosmic", "crimson", "curious",
        "daring", "dapper", "dazzling", "deft", "dusty", "eager", "early", "earnest", "electric", "elegant",
        "emerald", "fancy", "fearless", "fluffy", "frosty", "gentle", "giddy", "gilded", "glossy", "golden",
        "graceful", "grand", "happy", "hardy", "hasty", "hidden", "humble", "icy", "indigo", "jaunty",
        "jolly", "jovial", "keen", "kind", "lively", "lucky", "lunar", "mellow", "merry", "mighty",
        "misty", "modest", "nimble", "noble", "olive", "patient", "peppy", "plucky", "polished", "proud",
        "quick", "quiet", "radiant", "rapid", "rustic", "scarlet", "serene", "shiny", "silent", "silver",
        "sleepy", "snowy", "solar", "speedy", "spry", "steady", "stellar", "sturdy", "sunny", "swift",
        "tidy", "tranquil", "trusty", "upbeat", "velvet", "vivid", "wandering", "witty", "zealous", "zesty",
    ];

    public static ImmutableArray<string> Animals { get; } =
    [
        "aardvark", "albatross", "alpaca", "antelope", "armadillo", "badger", "beaver", "bison", "bobcat", "buffalo",
        "camel", "capybara", "caribou", "cheetah", "chinchilla", "cobra", "condor", "cougar", "coyote", "crane",
        "dingo", "dolphin", "donkey", "dormouse", "eagle", "echidna", "eel", "egret", "elk", "falcon",
        "ferret", "finch", "flamingo", "fox", "gazelle", "gecko", "gibbon", "giraffe", "gopher", "gorilla",
        "hamster", "hare", "hedgehog", "heron", "hippo", "hornet", "ibex", "iguana", "impala", "jackal",
        "jaguar", "jellyfish", "kangaroo", "kestrel", "kiwi", "koala", "lemur", "leopard", "llama", "lobster",
        "lynx", "macaw", "magpie", "manatee", "marmot", "meerkat", "mongoose", "moose", "narwhal", "newt",
        "ocelot", "octopus", "okapi", "orca", "osprey", "otter", "owl", "panda", "pangolin", "panther",
        "pelican", "penguin", "puffin", "quail", "quokka", "raccoon", "raven", "reindeer", "salamander", "seal",
        "sparrow", "squirrel", "stork", "tapir", "tiger", "toucan", "turtle", "walrus", "wombat", "yak",
    ];
}
