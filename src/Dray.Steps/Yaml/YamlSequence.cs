namespace Dray.Steps.Yaml;

internal sealed record YamlSequence(IReadOnlyList<YamlNode> Items, bool Flow, int Start, int End) : YamlNode(Start, End);
