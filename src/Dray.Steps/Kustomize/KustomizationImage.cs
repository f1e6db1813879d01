namespace Dray.Steps.Kustomize;

/// <summary>An entry of a kustomization's <c>images:</c>; empty strings mean "absent".</summary>
internal sealed record KustomizationImage(string Name, string NewName, string NewTag, string Digest)
{
    /// <summary>Asks to keep the value already in the file.</summary>
    public const string Preserve = "*";

    /// <summary>The fields after <c>name</c>, in the order kustomize writes them.</summary>
    public static readonly string[] FieldOrder = ["newName", "newTag", "digest"];

    public string Field(string key) => key switch
    {
        "newName" => NewName,
        "newTag" => NewTag,
        "digest" => Digest,
        _ => Name,
    };

    /// <summary>The reference the commit message shows: <c>newName-or-name[:tag][@digest]</c>.</summary>
    public string Reference =>
        (NewName.Length > 0 ? NewName : Name)
        + (NewTag.Length > 0 ? ":" + NewTag : string.Empty)
        + (Digest.Length > 0 ? "@" + Digest : string.Empty);
}
