using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Dray.Core.Manifests.Checks;

/// <summary>
/// Finds <c>${VAR}</c> placeholders that a shell or <c>envsubst</c> was meant to replace. Kargo expressions
/// (<c>${{ expr }}</c>) are not placeholders and are left alone.
/// </summary>
public static partial class EnvVarCheck
{
    public static bool ContainsPlaceholder(string value) => Placeholder().IsMatch(value);

    public static void Check(ManifestDocument document, ManifestDiagnostics diagnostics)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(diagnostics);
        Walk(document.Json, "", document, diagnostics);
    }

    private static void Walk(JsonNode? node, string path, ManifestDocument document, ManifestDiagnostics diagnostics)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    Walk(value, FieldPath.Child(path, key), document, diagnostics);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(array[i], FieldPath.Index(path, i), document, diagnostics);
                }

                break;
            case JsonValue value when value.TryGetValue<string>(out var text) && Placeholder().Match(text) is { Success: true } match:
                var message = $"\"{match.Value}\" looks like an environment variable that was never substituted (did you forget envsubst?)";
                if (InStepConfig(path))
                {
                    // Step config may carry text for other tools (a script written by file-write, an HTTP body).
                    diagnostics.Add(document.Warning(path, message));
                }
                else
                {
                    diagnostics.Add(document.Error(path, message));
                }

                break;
        }
    }

    private static bool InStepConfig(string path) => StepConfig().IsMatch(path);

    [GeneratedRegex(@"\.steps\[\d+\]\.config[.\[]")]
    private static partial Regex StepConfig();

    [GeneratedRegex(@"\$\{\s*[A-Za-z_][A-Za-z0-9_]*\s*\}")]
    private static partial Regex Placeholder();
}
