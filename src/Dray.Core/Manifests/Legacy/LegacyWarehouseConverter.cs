using System.Text;
using System.Text.Json.Nodes;

namespace Dray.Core.Manifests.Legacy;

/// <summary>Converts v0.3-era Warehouse subscription fields to today's names.</summary>
internal static class LegacyWarehouseConverter
{
    /// <summary>Former field names of subscriptions, for "did you mean" hints on typos of them.</summary>
    public static readonly IReadOnlyDictionary<string, string> FieldAliases = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["tagSelectionStrategy"] = "imageSelectionStrategy",
        ["semverConstraint"] = "constraint",
        ["registryURL"] = "repoURL",
        ["allowTags"] = "allowTagsRegexes",
        ["ignoreTags"] = "ignoreTagsRegexes",
    };

    public static void Convert(LegacyEdit edit)
    {
        if (edit.Document.Json["spec"] is not JsonObject spec || spec["subscriptions"] is not JsonArray subscriptions)
        {
            return;
        }

        for (var i = 0; i < subscriptions.Count; i++)
        {
            var path = FieldPath.Index("spec.subscriptions", i);
            if (subscriptions[i] is not JsonObject subscription)
            {
                continue;
            }

            if (subscription["image"] is JsonObject image)
            {
                var imagePath = FieldPath.Child(path, "image");
                edit.Rename(image, imagePath, "tagSelectionStrategy", "imageSelectionStrategy");
                edit.Rename(image, imagePath, "semverConstraint", "constraint");
                ConvertTagFilters(edit, image, imagePath);
                if (image.Remove("gitRepoURL"))
                {
                    edit.Warn(FieldPath.Child(imagePath, "gitRepoURL"), "\"gitRepoURL\" is no longer used and was dropped");
                }
            }

            if (subscription["git"] is JsonObject git)
            {
                ConvertTagFilters(edit, git, FieldPath.Child(path, "git"));
            }

            if (subscription["chart"] is JsonObject chart)
            {
                ConvertChart(edit, chart, FieldPath.Child(path, "chart"));
            }
        }
    }

    private static void ConvertTagFilters(LegacyEdit edit, JsonObject obj, string path)
    {
        if (obj["allowTags"] is JsonValue allow && allow.TryGetValue<string>(out var allowRegex))
        {
            var list = obj["allowTagsRegexes"] as JsonArray ?? [];
            list.Add(allowRegex);
            MoveList(obj, "allowTags", "allowTagsRegexes", list);
            edit.Document.Map.Remap(FieldPath.Child(path, "allowTagsRegexes"), FieldPath.Child(path, "allowTags"));
            edit.Warn(FieldPath.Child(path, "allowTags"), "\"allowTags\" is the old form of \"allowTagsRegexes\"; converted to a one-item list");
        }

        if (obj["ignoreTags"] is JsonArray ignore)
        {
            var list = obj["ignoreTagsRegexes"] as JsonArray ?? [];
            foreach (var tag in ignore.Select(t => LegacyEdit.Text(t)).OfType<string>())
            {
                list.Add("^" + EscapeRegex(tag) + "$");
            }

            MoveList(obj, "ignoreTags", "ignoreTagsRegexes", list);
            edit.Document.Map.Remap(FieldPath.Child(path, "ignoreTagsRegexes"), FieldPath.Child(path, "ignoreTags"));
            edit.Warn(FieldPath.Child(path, "ignoreTags"),
                "\"ignoreTags\" (exact tags) is the old form of \"ignoreTagsRegexes\"; each tag was converted to an anchored regex");
        }
    }

    private static void MoveList(JsonObject obj, string oldName, string newName, JsonArray list)
    {
        if (obj.ContainsKey(newName))
        {
            obj.Remove(oldName); // the list is the existing one, already extended
        }
        else
        {
            LegacyEdit.Replace(obj, oldName, newName, list);
        }
    }

    private static void ConvertChart(LegacyEdit edit, JsonObject chart, string path)
    {
        var registry = LegacyEdit.Text(chart["registryURL"]);
        if (!edit.Rename(chart, path, "registryURL", "repoURL"))
        {
            return;
        }

        // Today an OCI repoURL names the chart itself and "name" must be empty.
        var name = LegacyEdit.Text(chart["name"]);
        if (registry is not null && registry.StartsWith("oci://", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(name))
        {
            chart["repoURL"] = registry.TrimEnd('/') + "/" + name;
            chart.Remove("name");
            edit.Warn(FieldPath.Child(path, "name"), $"for an OCI registry the chart name is now part of repoURL: \"{registry.TrimEnd('/')}/{name}\"");
        }
    }

    /// <summary>Escapes the characters that are special in both RE2 and .NET regular expressions.</summary>
    public static string EscapeRegex(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (@"\.+*?()|[]{}^$".Contains(c, StringComparison.Ordinal))
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}
