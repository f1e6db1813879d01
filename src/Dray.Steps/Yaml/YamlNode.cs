namespace Dray.Steps.Yaml;

/// <summary>A node of a parsed YAML document with its character span in the original text.</summary>
internal abstract record YamlNode(int Start, int End);
