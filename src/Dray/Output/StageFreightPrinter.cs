using System.Text.Json.Nodes;

namespace Dray.Cli.Output;

/// <summary>Prints <c>dray get freight --stage S</c>: every Freight with whether the Stage may take it, and why.</summary>
internal static class StageFreightPrinter
{
    public static void Print(TextWriter writer, JsonArray items, string format, bool noHeaders)
    {
        if (format == OutputFormat.Json)
        {
            writer.WriteLine(Json.Format(new JsonObject { ["items"] = items.DeepClone() }));
            return;
        }

        if (format == OutputFormat.Name)
        {
            foreach (var item in items)
            {
                writer.WriteLine($"freight/{Json.Text(item, "freight", "metadata", "name")}");
            }

            return;
        }

        var rows = items.Select(item => (IReadOnlyList<string>)
        [
            Json.Text(item, "freight", "metadata", "name"),
            Json.Text(item, "freight", "alias"),
            Json.Text(item, "available") == "true" ? "yes" : "no",
            Json.Text(item, "reason"),
        ]).ToList();
        TableWriter.Write(writer, noHeaders ? null : ["NAME", "ALIAS", "AVAILABLE", "REASON"], rows);
    }
}
