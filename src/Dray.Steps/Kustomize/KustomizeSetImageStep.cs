using System.Text;
using System.Text.Json.Nodes;
using Dray.Core.Steps;
using Dray.Steps.Yaml;

namespace Dray.Steps.Kustomize;

/// <summary><c>kustomize-set-image</c>: sets <c>images:</c> in a kustomization like <c>kustomize edit set image</c>.</summary>
public sealed class KustomizeSetImageStep : PromotionStep<KustomizeSetImageConfig>
{
    protected override async ValueTask<StepResult> RunAsync(StepContext context, KustomizeSetImageConfig config, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(config);
        var file = KustomizationFile.Find(context.WorkDirectory, config.Path);
        var targets = config.Images is { Count: > 0 } images ? FromConfig(images) : FromFreight(context);

        var editor = YamlEditor.Load(await File.ReadAllTextAsync(file, ct), config.Path);
        var current = KustomizationImagesEditor.Read(editor);
        var merged = KustomizationImageMerge.Merge(current, targets);
        KustomizationImagesEditor.Write(editor, merged);
        await File.WriteAllTextAsync(file, editor.Apply(), ct);

        var outputs = new JsonObject();
        if (targets.Count > 0)
        {
            // Like Kargo, the message lists every image in the merged list, not only the requested ones; a
            // requested "*" with nothing in the file to keep shows as "*".
            var names = current.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
            var listed = merged.Select(i => names.Contains(i.Name) || !targets.TryGetValue(i.Name, out var raw) ? i : raw).ToList();
            outputs["commitMessage"] = CommitMessage(config.Path, listed);
        }

        return StepResult.Succeeded(outputs);
    }

    private static Dictionary<string, KustomizationImage> FromConfig(IReadOnlyList<KustomizeImage> images)
    {
        var targets = new Dictionary<string, KustomizationImage>(StringComparer.Ordinal);
        foreach (var image in images)
        {
            var name = string.IsNullOrEmpty(image.Name) ? image.Image : image.Name;
            var digest = image.Digest ?? string.Empty;
            targets[name] = new KustomizationImage(name, image.NewName ?? string.Empty, digest.Length > 0 ? string.Empty : image.Tag ?? string.Empty, digest);
        }

        return targets;
    }

    private static Dictionary<string, KustomizationImage> FromFreight(StepContext context)
    {
        var targets = new Dictionary<string, KustomizationImage>(StringComparer.Ordinal);
        var origins = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var freight in context.Freight)
        {
            foreach (var image in freight.Images ?? [])
            {
                if (string.IsNullOrEmpty(image.RepoURL))
                {
                    continue;
                }

                var origin = freight.Origin.ToString();
                if (origins.TryGetValue(image.RepoURL, out var other) && other != origin)
                {
                    throw new StepException(
                        $"manual configuration required due to ambiguous result: image {image.RepoURL} comes from both {other} and {origin}",
                        terminal: true);
                }

                origins[image.RepoURL] = origin;
                targets[image.RepoURL] = new KustomizationImage(image.RepoURL, string.Empty, image.Tag ?? string.Empty, image.Digest ?? string.Empty);
            }
        }

        return targets;
    }

    private static string CommitMessage(string path, List<KustomizationImage> images)
    {
        var message = new StringBuilder("Updated ").Append(path).Append(" to use new image");
        if (images.Count > 1)
        {
            message.Append('s');
        }

        message.Append('\n');
        foreach (var image in images)
        {
            message.Append("\n- ").Append(image.Reference);
        }

        return message.ToString();
    }
}
