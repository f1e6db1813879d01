using System.Text.Json.Nodes;

namespace Dray.Core.Manifests.Legacy;

/// <summary>Field edits used by the legacy converters: each keeps field order, remaps positions and warns once.</summary>
internal sealed class LegacyEdit(ManifestDocument document, ManifestDiagnostics diagnostics)
{
    public ManifestDocument Document => document;

    public void Warn(string path, string message) => diagnostics.Add(document.Warning(path, message));

    public void Fail(string path, string message) => diagnostics.Add(document.Error(path, message));

    /// <summary>Renames <paramref name="oldName"/> to <paramref name="newName"/> in place. False when it was absent.</summary>
    public bool Rename(JsonObject obj, string objPath, string oldName, string newName, string? note = null)
    {
        if (!obj.ContainsKey(oldName))
        {
            return false;
        }

        var oldPath = FieldPath.Child(objPath, oldName);
        var newPath = FieldPath.Child(objPath, newName);
        if (obj.ContainsKey(newName))
        {
            Fail(oldPath, $"both \"{oldName}\" (the old name) and \"{newName}\" are set; remove \"{oldName}\"");
            return false;
        }

        var value = obj[oldName];
        Replace(obj, oldName, newName, value?.DeepClone());
        document.Map.Remap(newPath, oldPath);
        Warn(oldPath, $"\"{oldName}\" is the old name of \"{newName}\"; converted{(note is null ? "" : "; " + note)}");
        return true;
    }

    /// <summary>Replaces the field <paramref name="oldName"/> by <paramref name="newName"/> at the same position.</summary>
    public static void Replace(JsonObject obj, string oldName, string newName, JsonNode? value)
    {
        var index = obj.IndexOf(oldName);
        obj.Remove(oldName);
        if (index < 0 || index > obj.Count)
        {
            obj[newName] = value;
        }
        else
        {
            obj.Insert(index, newName, value);
        }
    }

    public static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static bool Flag(JsonNode? node) => node is JsonValue v && v.TryGetValue<bool>(out var b) && b;
}
