using System.Text.Json;
using Dray.Core.Model.Promotions;

namespace Dray.Server.Ui.Model;

/// <summary>One step of a Promotion as the detail page shows it; config and outputs are redacted JSON.</summary>
public sealed record StepRow(
    int Number,
    string Alias,
    string Uses,
    PromotionStepStatus? Status,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? Message,
    string? Config,
    string? Outputs)
{
    public TimeSpan? Duration(DateTimeOffset now) => StartedAt is { } start ? (FinishedAt ?? now) - start : null;

    public static IReadOnlyList<StepRow> From(Promotion promotion)
    {
        ArgumentNullException.ThrowIfNull(promotion);
        var metadata = promotion.Status?.StepExecutionMetadata ?? [];
        var state = promotion.Status?.State is { ValueKind: JsonValueKind.Object } s ? s : (JsonElement?)null;
        return [.. promotion.Spec.Steps.Select((step, index) =>
        {
            var alias = string.IsNullOrEmpty(step.As) ? $"step-{index + 1}" : step.As;
            var meta = index < metadata.Count ? metadata[index] : null;
            JsonElement? outputs = state is { } st && st.TryGetProperty(alias, out var o) ? o : null;
            return new StepRow(
                index + 1,
                alias,
                step.Uses ?? (step.Task is { } task ? $"task {task.Name}" : "?"),
                meta?.Status,
                meta?.StartedAt,
                meta?.FinishedAt,
                meta?.Message is { } message ? SecretRedactor.RedactText(message) : null,
                SecretRedactor.ToRedactedJson(step.Config),
                SecretRedactor.ToRedactedJson(outputs));
        })];
    }
}
