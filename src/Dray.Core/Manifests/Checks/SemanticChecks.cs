using System.Text.Json.Nodes;
using Dray.Core.Expressions;
using Dray.Core.Manifests.Legacy;

namespace Dray.Core.Manifests.Checks;

/// <summary>
/// Checks that a schema cannot express: semver constraints, regular expressions and expression filters in today's
/// fields.
/// </summary>
public static class SemanticChecks
{
    public static void Check(ManifestDocument document, ManifestDiagnostics diagnostics)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var spec = document.Json["spec"] as JsonObject;
        switch (document.Kind)
        {
            case "Warehouse":
                var subscriptions = spec?["subscriptions"] as JsonArray ?? [];
                for (var i = 0; i < subscriptions.Count; i++)
                {
                    CheckSubscription(subscriptions[i] as JsonObject, FieldPath.Index("spec.subscriptions", i), document, diagnostics);
                }

                break;
            case "ProjectConfig":
                if (document.Namespace is { } project && document.Name != project)
                {
                    diagnostics.Add(document.Error("metadata.name",
                        $"a ProjectConfig must be named like its project: \"{project}\", not \"{document.Name}\""));
                }

                var policies = spec?["promotionPolicies"] as JsonArray ?? [];
                for (var i = 0; i < policies.Count; i++)
                {
                    var path = $"spec.promotionPolicies[{i}].stageSelector.name";
                    CheckSelector(LegacyEdit.Text(((policies[i] as JsonObject)?["stageSelector"] as JsonObject)?["name"]), path, document, diagnostics);
                }

                break;
        }
    }

    private static void CheckSubscription(JsonObject? subscription, string path, ManifestDocument document, ManifestDiagnostics diagnostics)
    {
        if (subscription?["image"] is JsonObject image)
        {
            var imagePath = path + ".image";
            var strategy = LegacyEdit.Text(image["imageSelectionStrategy"]) ?? "SemVer";
            if (strategy is "SemVer" or "")
            {
                CheckConstraint(image, "constraint", imagePath, document, diagnostics);
            }

            CheckRegexList(image, "allowTagsRegexes", imagePath, document, diagnostics);
            CheckRegexList(image, "ignoreTagsRegexes", imagePath, document, diagnostics);
        }

        if (subscription?["git"] is JsonObject git)
        {
            var gitPath = path + ".git";
            CheckConstraint(git, "semverConstraint", gitPath, document, diagnostics);
            CheckRegexList(git, "allowTagsRegexes", gitPath, document, diagnostics);
            CheckRegexList(git, "ignoreTagsRegexes", gitPath, document, diagnostics);
            CheckExpression(git, "expressionFilter", gitPath, document, diagnostics);
            foreach (var list in new[] { "includePaths", "excludePaths" })
            {
                var items = git[list] as JsonArray ?? [];
                for (var i = 0; i < items.Count; i++)
                {
                    CheckSelector(LegacyEdit.Text(items[i]), $"{gitPath}.{list}[{i}]", document, diagnostics);
                }
            }
        }

        if (subscription?["chart"] is JsonObject chart)
        {
            CheckConstraint(chart, "semverConstraint", path + ".chart", document, diagnostics);
        }
    }

    private static void CheckConstraint(JsonObject obj, string field, string path, ManifestDocument document, ManifestDiagnostics diagnostics)
    {
        if (LegacyEdit.Text(obj[field]) is { } constraint && !EnvVarCheck.ContainsPlaceholder(constraint)
            && PatternChecks.CheckSemverConstraint(constraint) is { } problem)
        {
            diagnostics.Add(document.Error(FieldPath.Child(path, field), problem));
        }
    }

    private static void CheckExpression(JsonObject obj, string field, string path, ManifestDocument document, ManifestDiagnostics diagnostics)
    {
        if (LegacyEdit.Text(obj[field]) is not { } text || string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        try
        {
            CompiledExpression.Parse(text);
        }
        catch (ExpressionException e)
        {
            diagnostics.Add(document.Error(FieldPath.Child(path, field), $"not a valid expression: {e.Message}"));
        }
    }

    private static void CheckRegexList(JsonObject obj, string field, string path, ManifestDocument document, ManifestDiagnostics diagnostics)
    {
        var items = obj[field] as JsonArray ?? [];
        for (var i = 0; i < items.Count; i++)
        {
            if (LegacyEdit.Text(items[i]) is { } pattern && PatternChecks.CheckRegex(pattern) is { } problem)
            {
                diagnostics.Add(document.Error(FieldPath.Index(FieldPath.Child(path, field), i), problem));
            }
        }
    }

    // Selectors are exact names, "glob:..." or "regex:..."/"regexp:..."; only the regex form can be invalid.
    private static void CheckSelector(string? selector, string path, ManifestDocument document, ManifestDiagnostics diagnostics)
    {
        foreach (var prefix in new[] { "regex:", "regexp:" })
        {
            if (selector is not null && selector.StartsWith(prefix, StringComparison.Ordinal)
                && PatternChecks.CheckRegex(selector[prefix.Length..]) is { } problem)
            {
                diagnostics.Add(document.Error(path, problem));
            }
        }
    }
}
