using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dray.Core.Steps;
using Dray.Steps.Yaml;

namespace Dray.Steps.Json;

/// <summary><c>json-update</c>: sets values in a JSON file with sjson paths, creating missing keys.</summary>
public sealed class JsonUpdateStep : PromotionStep<JsonUpdateConfig>
{
    protected override async ValueTask<StepResult> RunAsync(StepContext context, JsonUpdateConfig config, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(config);
        var file = context.WorkDirectory.Resolve(config.Path);
        if (!File.Exists(file))
        {
            return StepResult.Errored($"file \"{config.Path}\" does not exist");
        }

        var text = await File.ReadAllBytesAsync(file, ct);
        foreach (var update in config.Updates)
        {
            try
            {
                text = JsonSetter.Set(text, KeyPath.Parse(update.Key), update.Value, out var error)
                    ?? throw new StepException($"could not update \"{update.Key}\" in {config.Path}: {error}");
            }
            catch (JsonException e)
            {
                return StepResult.Errored($"could not parse {config.Path}: {e.Message}");
            }
        }

        await File.WriteAllBytesAsync(file, text, ct);
        return StepResult.Succeeded(new JsonObject { ["commitMessage"] = CommitMessage(config) });
    }

    private static string CommitMessage(JsonUpdateConfig config)
    {
        var message = new StringBuilder().Append("Updated ").Append(config.Path).Append('\n');
        foreach (var update in config.Updates)
        {
            message.Append("\n- ").Append(update.Key).Append(": ").Append(YamlScalarText.Json(update.Value));
        }

        return message.ToString();
    }
}
