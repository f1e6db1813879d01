using System.ComponentModel.DataAnnotations;

namespace Dray.Steps.ArgoCd;

public sealed record ArgoCdUpdateConfig : Dray.Core.Steps.IValidatableStepConfig
{
    [MinLength(1)]
    public required IReadOnlyList<ArgoCdAppConfig> Apps { get; init; }

    public IEnumerable<string> Validate()
    {
        for (var i = 0; i < Apps.Count; i++)
        {
            var app = Apps[i];
            if (string.IsNullOrEmpty(app.Name) == (app.Selector is null))
            {
                yield return $"config.apps[{i}]: exactly one of name or selector is required";
            }

            for (var j = 0; j < (app.Sources?.Count ?? 0); j++)
            {
                var source = app.Sources![j];
                if (source.UpdateTargetRevision && string.IsNullOrEmpty(source.DesiredRevision))
                {
                    yield return $"config.apps[{i}].sources[{j}]: updateTargetRevision requires desiredRevision";
                }

                for (var k = 0; k < (source.Kustomize?.Images.Count ?? 0); k++)
                {
                    var image = source.Kustomize!.Images[k];
                    if (string.IsNullOrEmpty(image.Tag) == string.IsNullOrEmpty(image.Digest))
                    {
                        yield return $"config.apps[{i}].sources[{j}].kustomize.images[{k}]: exactly one of tag or digest is required";
                    }
                }
            }
        }
    }
}
