using System.Text.Json.Nodes;
using Dray.Core.Resources;

namespace Dray.Cli.Output;

/// <summary>Prints documents as a table, JSON, YAML or <c>kind/name</c> lines.</summary>
internal static class ResourcePrinter
{
    /// <param name="single">True when one object was asked for by name: JSON/YAML print it bare, not in a List.</param>
    public static void Print(
        TextWriter writer, ResourceKind kind, IReadOnlyList<ResourceDocument> documents, string format, bool noHeaders, bool single, DateTimeOffset now)
    {
        switch (format)
        {
            case OutputFormat.Json:
                writer.WriteLine(Json.Format(Envelope(documents, single)));
                break;
            case OutputFormat.Yaml:
                YamlWriter.Write(Envelope(documents, single), writer);
                break;
            case OutputFormat.Name:
                foreach (var d in documents)
                {
                    writer.WriteLine(QualifiedName(kind, d.Name));
                }

                break;
            default:
                PrintTable(writer, kind, documents, format == OutputFormat.Wide, noHeaders, now);
                break;
        }
    }

    public static string QualifiedName(ResourceKind kind, string name) => $"{kind.Kind.ToLowerInvariant()}/{name}";

    public static string QualifiedName(string kind, string name) =>
        $"{(ResourceKinds.FindByKind(kind)?.Kind ?? kind).ToLowerInvariant()}/{name}";

    public static JsonNode Envelope(IReadOnlyList<ResourceDocument> documents, bool single) =>
        single && documents.Count == 1
            ? documents[0].Json.DeepClone()
            : new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "List",
                ["items"] = new JsonArray([.. documents.Select(d => d.Json.DeepClone())]),
            };

    private static void PrintTable(TextWriter writer, ResourceKind kind, IReadOnlyList<ResourceDocument> documents, bool wide, bool noHeaders, DateTimeOffset now)
    {
        var columns = ResourceColumns.For(kind).Where(c => wide || !c.WideOnly).ToList();
        var rows = documents.Select(d => (IReadOnlyList<string>)[.. columns.Select(c => Clean(c.Value(d, now)))]).ToList();
        TableWriter.Write(writer, noHeaders ? null : [.. columns.Select(c => c.Header)], rows);
    }

    // A value with a newline or tab would break the columns.
    private static string Clean(string value) => value.ReplaceLineEndings(" ").Replace('\t', ' ');
}
