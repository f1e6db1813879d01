namespace Dray.Steps.Yaml;

/// <summary>An alias or a mapping key that is not a scalar: present, but not editable.</summary>
internal sealed record YamlOther(int Start, int End) : YamlNode(Start, End);
