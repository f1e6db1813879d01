using System.ComponentModel.DataAnnotations;
using Dray.Core.Steps;

namespace Dray.Steps.Files;

public sealed record DeleteConfig : IValidatableStepConfig
{
    public string? Path { get; init; }

    public IReadOnlyList<string>? Paths { get; init; }

    /// <summary>Treats the paths as globs (<c>*</c>, <c>?</c>, <c>[...]</c>, <c>**</c>).</summary>
    public bool PathsAreGlobs { get; init; }

    /// <summary>A missing path, or a glob that matches nothing, is an error.</summary>
    public bool Strict { get; init; }

    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrEmpty(Path) == (Paths is not { Count: > 0 }))
        {
            yield return "config: exactly one of path or paths is required";
        }

        for (var i = 0; i < (Paths?.Count ?? 0); i++)
        {
            if (string.IsNullOrEmpty(Paths![i]))
            {
                yield return $"config.paths[{i}]: must not be empty";
            }
        }
    }
}
