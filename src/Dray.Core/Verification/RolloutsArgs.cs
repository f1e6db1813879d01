using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Dray.Core.Model;
using Dray.Core.Model.Analysis;

namespace Dray.Core.Verification;

/// <summary>Argo Rollouts' <c>{{ args.name }}</c> placeholders inside template fields (not Kargo's <c>${{ }}</c>).</summary>
public static partial class RolloutsArgs
{
    /// <summary>Replaces placeholders in every string of the metrics; unknown names are reported, not left in.</summary>
    public static (IReadOnlyList<Metric> Metrics, IReadOnlyList<string> Errors) Substitute(
        IReadOnlyList<Metric> metrics, IReadOnlyDictionary<string, string> args)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(args);
        var errors = new List<string>();
        var node = JsonSerializer.SerializeToNode(metrics, KargoJson.Options);
        var replaced = Walk(node, args, errors);
        var result = replaced.Deserialize<List<Metric>>(KargoJson.Options) ?? [];
        return (result, errors.Distinct(StringComparer.Ordinal).ToList());
    }

    public static string Substitute(string text, IReadOnlyDictionary<string, string> args, ICollection<string> errors)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(errors);
        return Placeholder().Replace(text, m =>
        {
            var name = m.Groups["name"].Value;
            if (args.TryGetValue(name, out var value))
            {
                return value;
            }

            errors.Add($"argument \"{name}\" is used but has no value");
            return m.Value;
        });
    }

    private static JsonNode? Walk(JsonNode? node, IReadOnlyDictionary<string, string> args, List<string> errors) => node switch
    {
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, Walk(p.Value, args, errors)))),
        JsonArray array => new JsonArray(array.Select(i => Walk(i, args, errors)).ToArray()),
        JsonValue value when value.TryGetValue<string>(out var text) => JsonValue.Create(Substitute(text, args, errors)),
        _ => node?.DeepClone(),
    };

    [GeneratedRegex(@"\{\{\s*args\.(?<name>[A-Za-z0-9_.\-]+)\s*\}\}")]
    private static partial Regex Placeholder();
}
