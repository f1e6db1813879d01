using System.Text.Json.Nodes;

namespace Dray.Core.Manifests;

/// <summary>One parsed manifest document with the positions of its fields in the source file.</summary>
public sealed class ManifestDocument
{
    public ManifestDocument(string? file, JsonObject json, SourceMap map)
    {
        File = file;
        Json = json;
        Map = map;
    }

    public string? File { get; }

    /// <summary>The document; legacy conversion replaces it with today's form.</summary>
    public JsonObject Json { get; set; }

    public SourceMap Map { get; }

    public string Kind => Json["kind"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";

    public string ApiVersion => Json["apiVersion"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";

    public string Name => (Json["metadata"] as JsonObject)?["name"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";

    public string? Namespace => (Json["metadata"] as JsonObject)?["namespace"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>A short description for messages, such as <c>Stage "dev"</c>.</summary>
    public string Describe() => Name.Length == 0 ? Kind : $"{Kind} \"{Name}\"";

    public ManifestError Error(string path, string message)
    {
        var (line, column) = Map.Find(path);
        return new ManifestError(File, line, column, path, message);
    }

    public ManifestWarning Warning(string path, string message)
    {
        var (line, column) = Map.Find(path);
        return new ManifestWarning(File, line, column, path, message);
    }
}
