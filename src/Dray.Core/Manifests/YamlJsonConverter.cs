using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace Dray.Core.Manifests;

/// <summary>Converts a YAML node tree into a JSON tree, recording the position of every field it writes.</summary>
internal sealed class YamlJsonConverter(string? file, SourceMap map, ManifestDiagnostics diagnostics)
{
    private const int MaxDepth = 128;

    // Aliases share nodes, so a small file can expand enormously ("billion laughs"); cap what one document may expand to.
    private const int MaxNodes = 200_000;
    private int _nodes;

    public JsonNode? Convert(YamlNode node, string path) => Convert(node, path, 0);

    private JsonNode? Convert(YamlNode node, string path, int depth)
    {
        if (depth > MaxDepth)
        {
            diagnostics.Add(new ManifestError(file, (int)node.Start.Line, (int)node.Start.Column, path, "the document is nested too deeply"));
            return null;
        }

        if (++_nodes == MaxNodes)
        {
            diagnostics.Add(new ManifestError(file, (int)node.Start.Line, (int)node.Start.Column, path,
                $"the document expands to more than {MaxNodes} values (through YAML aliases?)"));
        }

        if (_nodes >= MaxNodes)
        {
            return null;
        }

        switch (node)
        {
            case YamlScalarNode scalar:
                return YamlScalars.ToJson(scalar);
            case YamlSequenceNode sequence:
                var array = new JsonArray();
                var index = 0;
                foreach (var child in sequence.Children)
                {
                    var childPath = FieldPath.Index(path, index++);
                    map.Add(childPath, (int)child.Start.Line, (int)child.Start.Column);
                    array.Add(Convert(child, childPath, depth + 1));
                }

                return array;
            case YamlMappingNode mapping:
                var obj = new JsonObject();
                foreach (var (keyNode, valueNode) in mapping.Children)
                {
                    var key = keyNode is YamlScalarNode k ? k.Value ?? "" : keyNode.ToString();
                    var childPath = FieldPath.Child(path, key);
                    if (key == "<<")
                    {
                        diagnostics.Add(new ManifestError(file, (int)keyNode.Start.Line, (int)keyNode.Start.Column, childPath, "YAML merge keys (<<) are not supported; write the fields out"));
                        continue;
                    }

                    if (obj.ContainsKey(key))
                    {
                        diagnostics.Add(new ManifestError(file, (int)keyNode.Start.Line, (int)keyNode.Start.Column, childPath, $"duplicate field \"{key}\""));
                        continue;
                    }

                    map.Add(childPath, (int)keyNode.Start.Line, (int)keyNode.Start.Column);
                    obj[key] = Convert(valueNode, childPath, depth + 1);
                }

                return obj;
            default:
                // Aliases are resolved by the representation model; anything else is unexpected.
                return null;
        }
    }
}
