using System.Text;
using System.Text.Json.Nodes;
using Dray.Core.Steps;
using Dray.Steps.Yaml;

namespace Dray.Steps.Helm;

/// <summary>
/// <c>helm-update-chart</c>: pins <c>dependencies[].version</c> in <c>Chart.yaml</c>, editing only those scalars.
/// Refreshing <c>Chart.lock</c> and <c>charts/</c> needs the chart repositories and is not done here.
/// </summary>
public sealed class HelmUpdateChartStep : PromotionStep<HelmUpdateChartConfig>
{
    protected override async ValueTask<StepResult> RunAsync(StepContext context, HelmUpdateChartConfig config, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(config);
        if (config.Charts is not { Count: > 0 } charts)
        {
            return StepResult.Errored("updating dependencies within their declared ranges is not supported; list the charts to pin", terminal: true);
        }

        var file = context.WorkDirectory.Resolve(Path.Join(config.Path, "Chart.yaml"));
        if (!File.Exists(file))
        {
            return StepResult.Errored($"could not find Chart.yaml in \"{config.Path}\"");
        }

        var editor = YamlEditor.Load(await File.ReadAllTextAsync(file, ct), config.Path + "/Chart.yaml");
        var dependencies = ((editor.Root as YamlMapping)?.Find("dependencies")?.Value as YamlSequence)?.Items.OfType<YamlMapping>().ToList() ?? [];
        var changes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var chart in charts)
        {
            var dependency = dependencies.FirstOrDefault(d => Scalar(d, "repository")?.Value == chart.Repository && Scalar(d, "name")?.Value == chart.Name);
            if (dependency is null)
            {
                return StepResult.Errored($"no dependency in {config.Path}/Chart.yaml matches chart \"{chart.Name}\" from repository \"{chart.Repository}\"");
            }

            var version = Scalar(dependency, "version");
            if (version is null)
            {
                return StepResult.Errored($"dependency \"{chart.Name}\" in {config.Path}/Chart.yaml has no scalar version");
            }

            if (version.Value != chart.Version)
            {
                editor.SetScalar(version, JsonValue.Create(chart.Version));
                changes[chart.Name] = version.Value.Length > 0 ? $"{version.Value} -> {chart.Version}" : chart.Version;
            }
        }

        await File.WriteAllTextAsync(file, editor.Apply(), ct);
        var outputs = new JsonObject();
        if (changes.Count > 0)
        {
            var message = new StringBuilder("Updated chart dependencies for ").Append(config.Path).Append('\n');
            foreach (var (name, change) in changes)
            {
                message.Append("\n- ").Append(name).Append(": ").Append(change);
            }

            outputs["commitMessage"] = message.ToString();
        }

        return StepResult.Succeeded(outputs);
    }

    private static YamlScalar? Scalar(YamlMapping mapping, string key) => mapping.Find(key)?.Value as YamlScalar;
}
