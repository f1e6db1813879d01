using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Dray.Core.Manifests;

/// <summary>
/// Reads YAML (multi-document) and JSON (an object, an array of objects, or a <c>kind: List</c>) manifests.
/// JSON is read with the YAML parser, which accepts it, so both keep line and column for every field.
/// </summary>
public static class ManifestReader
{
    public static IReadOnlyList<ManifestDocument> Read(ManifestSource source, ManifestDiagnostics diagnostics)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var stream = new YamlStream();
        try
        {
            using var reader = new StringReader(source.Content);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            var message = e.InnerException is YamlException inner ? inner.Message : e.Message;
            diagnostics.Add(new ManifestError(source.FileName, (int)e.Start.Line, (int)e.Start.Column, "", $"invalid YAML: {Clean(message)}"));
            return [];
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet's scanner and composer throw these on some malformed input instead of a YamlException.
            diagnostics.Add(new ManifestError(source.FileName, 0, 0, "", $"invalid YAML: {e.Message}"));
            return [];
        }

        var documents = new List<ManifestDocument>();
        foreach (var yamlDocument in stream.Documents)
        {
            Collect(source.FileName, yamlDocument.RootNode, documents, diagnostics, allowList: true);
        }

        return documents;
    }

    private static void Collect(string? file, YamlNode root, List<ManifestDocument> documents, ManifestDiagnostics diagnostics, bool allowList)
    {
        switch (root)
        {
            case YamlScalarNode scalar when string.IsNullOrWhiteSpace(scalar.Value) && scalar.Style is ScalarStyle.Plain or ScalarStyle.Any:
                return; // an empty document between two "---"
            case YamlSequenceNode sequence when allowList:
                foreach (var item in sequence.Children)
                {
                    Collect(file, item, documents, diagnostics, allowList: false);
                }

                return;
            case YamlMappingNode mapping:
                var map = new SourceMap();
                map.Add("", (int)mapping.Start.Line, (int)mapping.Start.Column);
                var json = new YamlJsonConverter(file, map, diagnostics).Convert(mapping, "") as JsonObject ?? [];
                if (allowList && IsList(json) && mapping.Children.TryGetValue(new YamlScalarNode("items"), out var items))
                {
                    if (items is YamlSequenceNode itemSequence)
                    {
                        foreach (var item in itemSequence.Children)
                        {
                            Collect(file, item, documents, diagnostics, allowList: false);
                        }
                    }
                    else
                    {
                        var (line, column) = map.Find("items");
                        diagnostics.Add(new ManifestError(file, line, column, "items", "a List's items must be a list of resources"));
                    }

                    return;
                }

                documents.Add(new ManifestDocument(file, json, map));
                return;
            default:
                diagnostics.Add(new ManifestError(file, (int)root.Start.Line, (int)root.Start.Column, "",
                    "expected a resource (a mapping with apiVersion, kind and metadata)"));
                return;
        }
    }

    private static bool IsList(JsonObject json) =>
        json["kind"] is JsonValue kind && kind.TryGetValue<string>(out var k) && k.EndsWith("List", StringComparison.Ordinal)
        && json.ContainsKey("items");

    private static string Clean(string message)
    {
        // YamlDotNet prefixes messages with its own "(Line: x, Col: y, Idx: z) - (…): " position, which we report separately.
        var dash = message.LastIndexOf("): ", StringComparison.Ordinal);
        return dash >= 0 ? message[(dash + 3)..] : message;
    }
}
