using System.ComponentModel.DataAnnotations;

namespace Dray.Steps.Kustomize;

/// <summary>One image to set: <c>tag</c> or <c>digest</c>, optionally under another <c>name</c> or <c>newName</c>.</summary>
public sealed record KustomizeImage
{
    /// <summary>The image repository, as subscribed to by a Warehouse.</summary>
    [MinLength(1)]
    public required string Image { get; init; }

    public string? Tag { get; init; }

    public string? Digest { get; init; }

    /// <summary>The name the kustomization uses for the image, when it differs from <see cref="Image"/>.</summary>
    public string? Name { get; init; }

    /// <summary>Replaces the image name; <c>*</c> keeps the one already in the file.</summary>
    public string? NewName { get; init; }
}
