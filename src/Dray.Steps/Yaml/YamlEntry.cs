namespace Dray.Steps.Yaml;

internal sealed record YamlEntry(YamlScalar Key, YamlNode Value);
