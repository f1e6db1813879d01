using System.Text.Json.Nodes;
using Dray.Core.Manifests.Checks;
using Dray.Core.Manifests.Schema;
using Dray.Core.Resources;

namespace Dray.Core.Manifests;

/// <summary>Checks and normalises what every document has: apiVersion, kind, metadata, name and project.</summary>
internal static class DocumentHeader
{
    private static readonly string[] ServerOwnedMetadata = ["resourceVersion", "uid", "creationTimestamp", "generation", "managedFields", "selfLink", "deletionTimestamp"];

    /// <summary>Drops what the server owns, so that re-applying <c>get -o yaml</c> output changes nothing.</summary>
    public static void StripServerFields(ManifestDocument document)
    {
        document.Json.Remove("status");
        if (document.Json["metadata"] is JsonObject metadata)
        {
            foreach (var field in ServerOwnedMetadata)
            {
                metadata.Remove(field);
            }
        }
    }

    /// <summary>The kind, or null (with an error) when the document does not name a known one.</summary>
    public static ResourceKind? ResolveKind(ManifestDocument document, ManifestDiagnostics diagnostics)
    {
        var json = document.Json;
        if (json["kind"] is not JsonValue kindValue || !kindValue.TryGetValue<string>(out var kind) || kind.Length == 0)
        {
            diagnostics.Add(document.Error("kind", "missing required field \"kind\""));
            return null;
        }

        if (json["apiVersion"] is not JsonValue versionValue || !versionValue.TryGetValue<string>(out var apiVersion) || apiVersion.Length == 0)
        {
            diagnostics.Add(document.Error("apiVersion", "missing required field \"apiVersion\""));
            return null;
        }

        if (kind == "PromotionPolicy")
        {
            diagnostics.Add(document.Error("kind",
                "PromotionPolicy (Kargo v0.3) was removed; put the policy in the project's ProjectConfig: spec.promotionPolicies: [{stageSelector: {name: <stage>}, autoPromotionEnabled: true}]"));
            return null;
        }

        if (ResourceKinds.FindByKind(kind) is not { } resolved)
        {
            var known = ResourceKinds.All.Select(k => k.Kind).Where(k => k != "AnalysisRun").ToList();
            var hint = EditDistance.Suggest(kind, known) is { } s ? $" (did you mean {s}?)" : "";
            diagnostics.Add(document.Error("kind", $"unknown kind \"{kind}\"{hint}; known kinds are {string.Join(", ", known)}"));
            return null;
        }

        if (resolved.ApiVersion != apiVersion)
        {
            diagnostics.Add(document.Error("apiVersion", $"kind {kind} has apiVersion {resolved.ApiVersion}, not {apiVersion}"));
            return null;
        }

        return resolved;
    }

    /// <summary>Checks name and namespace; fills in the default project for namespaced kinds.</summary>
    public static bool CheckMetadata(ManifestDocument document, ResourceKind kind, string? defaultProject, ManifestDiagnostics diagnostics)
    {
        if (document.Json["metadata"] is not JsonObject metadata)
        {
            diagnostics.Add(document.Error("metadata", document.Json.ContainsKey("metadata") ? "metadata must be an object" : "missing required field \"metadata\""));
            return false;
        }

        var ok = true;
        if (metadata["name"] is not JsonValue nameValue || !nameValue.TryGetValue<string>(out var name) || name.Length == 0)
        {
            diagnostics.Add(document.Error("metadata.name", "missing required field \"name\""));
            ok = false;
        }
        else if ((kind == ResourceKinds.Project ? NameRules.CheckLabel(name) : NameRules.CheckSubdomain(name)) is { } problem)
        {
            var rule = kind == ResourceKinds.Project ? "a Project name becomes a namespace, so it must be a DNS-1123 label" : "names must be DNS-1123 subdomains";
            diagnostics.Add(document.Error("metadata.name", $"{problem} ({rule})"));
            ok = false;
        }

        var ns = LegacyText(metadata["namespace"]);
        if (!kind.Namespaced)
        {
            if (ns is not null)
            {
                diagnostics.Add(document.Error("metadata.namespace", $"{kind.Kind} is cluster-scoped; remove metadata.namespace"));
                ok = false;
            }

            return ok;
        }

        if (string.IsNullOrEmpty(ns))
        {
            if (string.IsNullOrEmpty(defaultProject))
            {
                diagnostics.Add(document.Error("metadata.namespace", $"{kind.Kind} belongs to a project: set metadata.namespace or pass --project"));
                return false;
            }

            metadata["namespace"] = defaultProject;
            ns = defaultProject;
        }

        if (NameRules.CheckLabel(ns) is { } nsProblem)
        {
            diagnostics.Add(document.Error("metadata.namespace", $"{nsProblem} (a project name must be a DNS-1123 label)"));
            ok = false;
        }

        return ok;
    }

    public static void Validate(ManifestDocument document, JsonObject? schema, ManifestDiagnostics diagnostics)
    {
        if (schema is null)
        {
            return;
        }

        var validator = new JsonSchemaValidator(schema, Legacy.LegacyConverter.FieldAliases, EnvVarCheck.ContainsPlaceholder);
        foreach (var violation in validator.Validate(document.Json))
        {
            diagnostics.Add(document.Error(violation.Path, violation.Message));
        }
    }

    private static string? LegacyText(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
