using System.Text;
using System.Text.Json.Nodes;
using Dray.Core.Resources;

namespace Dray.Core.Manifests.Legacy;

/// <summary>v0.3 projects (labelled Namespaces) and repository Secrets (Argo CD style keys).</summary>
internal static class LegacyCoreConverter
{
    private const string ProjectLabel = "kargo.akuity.io/project";
    private const string SecretTypeLabel = "kargo.akuity.io/secret-type";
    private const string CredTypeLabel = "kargo.akuity.io/cred-type";

    public static void ConvertNamespace(LegacyEdit edit)
    {
        var document = edit.Document;
        var metadata = document.Json["metadata"] as JsonObject ?? [];
        var labels = metadata["labels"] as JsonObject;
        if (LegacyEdit.Text(labels?[ProjectLabel]) != "true")
        {
            edit.Fail("kind", $"a Namespace is not a Dray resource; use kind: Project (apiVersion {ResourceKinds.KargoApiVersion}), or label it {ProjectLabel}: \"true\"");
            return;
        }

        labels!.Remove(ProjectLabel);
        var newMetadata = new JsonObject { ["name"] = metadata["name"]?.DeepClone() };
        if (labels.Count > 0)
        {
            newMetadata["labels"] = labels.DeepClone();
        }

        if (metadata["annotations"] is JsonObject annotations)
        {
            newMetadata["annotations"] = annotations.DeepClone();
        }

        document.Json = new JsonObject
        {
            ["apiVersion"] = ResourceKinds.KargoApiVersion,
            ["kind"] = ResourceKinds.Project.Kind,
            ["metadata"] = newMetadata,
        };
        edit.Warn("kind", $"a Namespace labelled {ProjectLabel}: \"true\" is the old form of a Project; converted to Project \"{document.Name}\"");
    }

    public static void ConvertSecret(LegacyEdit edit)
    {
        var metadata = edit.Document.Json["metadata"] as JsonObject;
        var labels = metadata?["labels"] as JsonObject;
        var secretType = LegacyEdit.Text(labels?[SecretTypeLabel]);
        if (secretType is not ("repository" or "repo-creds") || labels is null)
        {
            return;
        }

        var json = edit.Document.Json;
        var (map, encoded) = json["stringData"] is JsonObject s && (s.ContainsKey("url") || s.ContainsKey("type"))
            ? (s, false)
            : (json["data"] as JsonObject ?? [], true);
        var type = Read(map["type"], encoded) ?? "git";
        var url = Read(map["url"], encoded);
        map.Remove("type");
        if (url is not null)
        {
            var repoURL = secretType == "repo-creds" ? "^" + LegacyWarehouseConverter.EscapeRegex(url) : url;
            LegacyEdit.Replace(map, "url", "repoURL", Write(repoURL, encoded));
            if (secretType == "repo-creds")
            {
                map["repoURLIsRegex"] = Write("true", encoded);
            }
        }

        var index = labels.IndexOf(SecretTypeLabel);
        labels.Remove(SecretTypeLabel);
        labels.Insert(Math.Min(index, labels.Count), CredTypeLabel, type);
        edit.Warn($"metadata.labels['{SecretTypeLabel}']",
            $"the label {SecretTypeLabel}: {secretType} with keys type/url is the old form of credentials; converted to {CredTypeLabel}: {type} with key repoURL");
    }

    private static string? Read(JsonNode? node, bool encoded)
    {
        var text = LegacyEdit.Text(node);
        if (text is null || !encoded)
        {
            return text;
        }

        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(text));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string Write(string value, bool encoded) => encoded ? Convert.ToBase64String(Encoding.UTF8.GetBytes(value)) : value;
}
