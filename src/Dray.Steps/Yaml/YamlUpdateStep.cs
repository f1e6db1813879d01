using System.Text;
using System.Text.Json.Nodes;
using Dray.Core.Steps;

namespace Dray.Steps.Yaml;

/// <summary><c>yaml-update</c>: sets existing scalar values in a YAML file, leaving the rest of the text untouched.</summary>
public sealed class YamlUpdateStep : PromotionStep<YamlUpdateConfig>
{
    protected override async ValueTask<StepResult> RunAsync(StepContext context, YamlUpdateConfig config, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(config);
        var file = context.WorkDirectory.Resolve(config.Path);
        if (!File.Exists(file))
        {
            return StepResult.Errored($"file \"{config.Path}\" does not exist");
        }

        var editor = YamlEditor.Load(await File.ReadAllTextAsync(file, ct), config.Path);
        foreach (var update in config.Updates)
        {
            var node = editor.Find(KeyPath.Parse(update.Key), out var missing);
            if (node is not YamlScalar scalar)
            {
                return StepResult.Errored(node is null
                    ? $"could not update \"{update.Key}\" in {config.Path}: {missing}"
                    : $"could not update \"{update.Key}\" in {config.Path}: the value is not a scalar");
            }

            editor.SetScalar(scalar, update.Value);
        }

        await File.WriteAllTextAsync(file, editor.Apply(), ct);
        return StepResult.Succeeded(new JsonObject { ["commitMessage"] = CommitMessage(config) });
    }

    private static string CommitMessage(YamlUpdateConfig config)
    {
        var message = new StringBuilder().Append("Updated ").Append(config.Path).Append('\n');
        foreach (var update in config.Updates)
        {
            message.Append("\n- ").Append(update.Key).Append(": ").Append(YamlScalarText.QuoteIfNecessary(update.Value));
        }

        return message.ToString();
    }
}
