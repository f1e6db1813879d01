using System.ComponentModel.DataAnnotations;

namespace Dray.Steps.Kustomize;

public sealed record KustomizeSetImageConfig : Dray.Core.Steps.IValidatableStepConfig
{
    /// <summary>The directory holding the kustomization file.</summary>
    [MinLength(1)]
    public required string Path { get; init; }

    /// <summary>The images to set; when omitted, every image of the promoted Freight.</summary>
    public IReadOnlyList<KustomizeImage>? Images { get; init; }

    public IEnumerable<string> Validate()
    {
        for (var i = 0; i < (Images?.Count ?? 0); i++)
        {
            if (string.IsNullOrEmpty(Images![i].Tag) == string.IsNullOrEmpty(Images[i].Digest))
            {
                yield return $"config.images[{i}]: exactly one of tag or digest is required";
            }
        }
    }
}
