using System.Text;
using System.Text.Json.Nodes;
using Dray.Core.Steps;
using Dray.Steps.Yaml;

namespace Dray.Steps.Helm;

/// <summary>
/// <c>helm-update-image</c> (Kargo v1.0–v1.2, kept for old manifests): writes an image of the promoted Freight
/// into a values file, as <c>repo:tag</c>, <c>tag</c>, <c>repo@digest</c> or <c>digest</c>.
/// </summary>
public sealed class HelmUpdateImageStep : PromotionStep<HelmUpdateImageConfig>
{
    protected override async ValueTask<StepResult> RunAsync(StepContext context, HelmUpdateImageConfig config, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(config);
        var file = context.WorkDirectory.Resolve(config.Path);
        if (!File.Exists(file))
        {
            return StepResult.Errored($"file \"{config.Path}\" does not exist");
        }

        var editor = YamlEditor.Load(await File.ReadAllTextAsync(file, ct), config.Path);
        var written = new List<string>();
        foreach (var update in config.Images)
        {
            var image = context.Freight.SelectMany(f => f.Images ?? []).FirstOrDefault(i => i.RepoURL == update.Image);
            if (image is null)
            {
                return StepResult.Errored($"image \"{update.Image}\" is not in the promoted Freight", terminal: true);
            }

            var value = update.Value switch
            {
                HelmImageValue.ImageAndTag => $"{image.RepoURL}:{image.Tag}",
                HelmImageValue.Tag => image.Tag ?? string.Empty,
                HelmImageValue.ImageAndDigest => $"{image.RepoURL}@{image.Digest}",
                _ => image.Digest ?? string.Empty,
            };
            var node = editor.Find(KeyPath.Parse(update.Key), out var missing);
            if (node is not YamlScalar scalar)
            {
                return StepResult.Errored($"could not update \"{update.Key}\" in {config.Path}: {missing ?? "the value is not a scalar"}");
            }

            editor.SetScalar(scalar, JsonValue.Create(value));
            written.Add(update.Value is HelmImageValue.ImageAndTag or HelmImageValue.ImageAndDigest ? value : $"{image.RepoURL}: {value}");
        }

        await File.WriteAllTextAsync(file, editor.Apply(), ct);
        var message = new StringBuilder("Updated ").Append(config.Path).Append(" to use new image").Append(written.Count > 1 ? "s" : string.Empty).Append('\n');
        foreach (var line in written)
        {
            message.Append("\n- ").Append(line);
        }

        return StepResult.Succeeded(new JsonObject { ["commitMessage"] = message.ToString() });
    }
}
