using Dray.Core.Steps;

namespace Dray.Steps.Kustomize;

internal static class KustomizationFile
{
    private static readonly string[] RecognizedNames = ["kustomization.yaml", "kustomization.yml", "Kustomization"];

    /// <summary>The one kustomization file in <paramref name="directory"/> (a path relative to the work directory).</summary>
    /// <exception cref="StepException">None or several are there.</exception>
    public static string Find(WorkDirectory workDirectory, string directory)
    {
        var dir = workDirectory.Resolve(directory);
        var found = RecognizedNames
            .Select(name => Path.Join(dir, name))
            .Where(p => new FileInfo(p) is { Exists: true, LinkTarget: null })
            .ToList();
        return found.Count switch
        {
            1 => workDirectory.Resolve(found[0]),
            0 => throw new StepException($"could not find any Kustomization files in \"{directory}\""),
            _ => throw new StepException(
                $"ambiguous result: found multiple Kustomization files in \"{directory}\": {string.Join(", ", found.Select(Path.GetFileName))}"),
        };
    }
}
