namespace Dray.Steps.Yaml;

internal sealed record YamlMapping(IReadOnlyList<YamlEntry> Entries, bool Flow, int Start, int End) : YamlNode(Start, End)
{
    public YamlEntry? Find(string key) => Entries.FirstOrDefault(e => e.Key.Value == key);
}
