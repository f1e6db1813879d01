using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Dray.Core.Expressions;
using Dray.Core.Expressions.Kargo;
using Dray.Core.FreightIdentity;
using Dray.Core.Model.Analysis;
using Dray.Core.Model.Common;
using Dray.Core.Resources;

namespace Dray.Core.Verification;

/// <summary>
/// Builds the AnalysisRun for a Stage's verification (Kargo §1.9): all templates merged, Stage args evaluated as
/// Kargo expressions and allowed only when a template declares them, then Rollouts placeholders filled in.
/// </summary>
public static class AnalysisRunBuilder
{
    private const int MaxLabelValueLength = 63;

    public static AnalysisRunBuild Build(AnalysisRunRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var stage = request.Stage;
        var stageName = stage.Metadata.Name ?? "";
        var verification = stage.Spec.Verification;
        var errors = new List<string>();
        var metrics = new List<Metric>();
        var declared = new Dictionary<string, Argument>(StringComparer.Ordinal);
        foreach (var reference in verification?.AnalysisTemplates ?? [])
        {
            var template = request.Templates.FirstOrDefault(t => t.Metadata.Name == reference.Name);
            if (template is null)
            {
                errors.Add($"AnalysisTemplate \"{reference.Name}\" not found");
                continue;
            }

            foreach (var metric in template.Spec.Metrics ?? [])
            {
                if (metrics.Exists(m => m.Name == metric.Name))
                {
                    errors.Add($"metric \"{metric.Name}\" is defined by more than one template");
                }

                metrics.Add(metric);
            }

            foreach (var arg in template.Spec.Args ?? [])
            {
                // The first template to give a value wins; later declarations only fill gaps.
                if (!declared.TryGetValue(arg.Name, out var existing) || (existing.Value is null && arg.Value is not null))
                {
                    declared[arg.Name] = arg;
                }
            }
        }

        if (metrics.Count == 0 && errors.Count == 0)
        {
            errors.Add("the Stage's verification names no template with metrics");
        }

        var values = declared.Where(a => a.Value.Value is not null).ToDictionary(a => a.Key, a => a.Value.Value!, StringComparer.Ordinal);
        var errorsBefore = errors.Count;
        var stageArgs = EvaluateStageArgs(request, errors);
        if (errors.Count > errorsBefore)
        {
            // Missing-value errors would only repeat the evaluation failure.
            return new AnalysisRunBuild(null, errors);
        }

        foreach (var (name, value) in stageArgs)
        {
            if (!declared.ContainsKey(name))
            {
                errors.Add($"argument \"{name}\" is not declared by any of the Stage's AnalysisTemplates");
                continue;
            }

            values[name] = value;
        }

        foreach (var arg in declared.Values.Where(a => !values.ContainsKey(a.Name) && a.ValueFrom is null))
        {
            errors.Add($"argument \"{arg.Name}\" has no value");
        }

        var (substituted, substitutionErrors) = RolloutsArgs.Substitute(metrics, values);
        errors.AddRange(substitutionErrors);
        if (errors.Count > 0)
        {
            return new AnalysisRunBuild(null, errors);
        }

        return new AnalysisRunBuild(new AnalysisRun
        {
            Metadata = Metadata(request, stageName),
            Spec = new AnalysisRunSpec
            {
                Metrics = substituted,
                Args = declared.Values.Select(a => values.TryGetValue(a.Name, out var v) ? a with { Value = v } : a).ToList(),
            },
        }, []);
    }

    private static Dictionary<string, string> EvaluateStageArgs(AnalysisRunRequest request, List<string> errors)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var stageName = request.Stage.Metadata.Name ?? "";
        try
        {
            var vars = KargoEnvironments.EvaluateVars(
                (request.Stage.Spec.Vars ?? []).Select(v => KeyValuePair.Create(v.Name, v.Value ?? "")),
                v => KargoEnvironments.ForVerification(request.BaseEnvironment, request.Project, stageName, request.Context, v));
            var env = KargoEnvironments.ForVerification(request.BaseEnvironment, request.Project, stageName, request.Context, vars);
            foreach (var arg in request.Stage.Spec.Verification?.Args ?? [])
            {
                var value = ExpressionTemplate.EvaluateString(arg.Value, env);
                result[arg.Name] = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString() ?? "";
            }
        }
        catch (ExpressionException e)
        {
            errors.Add($"evaluating verification args: {e.Message}");
        }

        return result;
    }

    private static ObjectMeta Metadata(AnalysisRunRequest request, string stageName)
    {
        var extra = request.Stage.Spec.Verification?.AnalysisRunMetadata;
        var labels = new Dictionary<string, string>(extra?.Labels ?? new Dictionary<string, string>(), StringComparer.Ordinal)
        {
            [KargoLabels.Stage] = StageLabel(stageName),
            [KargoLabels.FreightCollection] = request.FreightCollection.Id,
        };
        var annotations = new Dictionary<string, string>(extra?.Annotations ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        if (stageName.Length > MaxLabelValueLength)
        {
            annotations[KargoLabels.Stage] = stageName;
        }

        if (request.PromotionName is { } promotion)
        {
            annotations[KargoAnnotations.Promotion] = promotion;
        }

        return new ObjectMeta
        {
            Name = AnalysisRunName.Create(stageName, request.FreightCollection.Id, request.Id),
            Namespace = request.Project,
            Labels = labels,
            Annotations = annotations.Count == 0 ? null : annotations,
            OwnerReferences = request.Freight?
                .Where(f => f.Metadata is { Name: not null, Uid: not null })
                .Select(f => new OwnerReference { ApiVersion = ResourceKinds.KargoApiVersion, Kind = ResourceKinds.Freight.Kind, Name = f.Metadata.Name!, Uid = f.Metadata.Uid! })
                .ToList() is { Count: > 0 } owners ? owners : null,
        };
    }

    /// <summary>A Stage name as a label value: itself when short enough, else a prefix plus a hash of the whole.</summary>
    public static string StageLabel(string stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        if (stage.Length <= MaxLabelValueLength)
        {
            return stage;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(stage)))[..10];
        return $"{stage[..(MaxLabelValueLength - hash.Length - 1)].TrimEnd('-', '.', '_')}-{hash}";
    }
}
