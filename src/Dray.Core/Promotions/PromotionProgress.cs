using System.Text.Json;
using System.Text.Json.Nodes;
using Dray.Core.Model;
using Dray.Core.Model.Freights;
using Dray.Core.Model.Promotions;

namespace Dray.Core.Promotions;

/// <summary>The mutable working copy of a Promotion's status while the engine runs it.</summary>
internal sealed class PromotionProgress
{
    private PromotionProgress(PromotionStatus previous, List<StepExecutionMetadata?> steps, JsonObject state)
    {
        Previous = previous;
        Steps = steps;
        State = state;
        CurrentStep = (int)(previous.CurrentStep ?? 0);
        Phase = previous.Phase ?? PromotionPhase.Pending;
        Message = previous.Message;
        HealthChecks = [.. previous.HealthChecks ?? []];
    }

    public PromotionStatus Previous { get; }

    /// <summary>One entry per spec step; null until the step is first reached.</summary>
    public List<StepExecutionMetadata?> Steps { get; }

    /// <summary>Step outputs keyed by alias.</summary>
    public JsonObject State { get; }

    public int CurrentStep { get; set; }

    public PromotionPhase Phase { get; set; }

    public string? Message { get; set; }

    public List<HealthCheckStep> HealthChecks { get; }

    public FreightReference? Freight { get; set; }

    /// <summary>Forgets every step's result and output so the run starts over at the first step.</summary>
    public void Restart()
    {
        CurrentStep = 0;
        for (var i = 0; i < Steps.Count; i++)
        {
            Steps[i] = null;
        }

        State.Clear();
        HealthChecks.Clear();
    }

    public static PromotionProgress From(Promotion promotion)
    {
        var status = promotion.Status ?? new PromotionStatus();
        var steps = new List<StepExecutionMetadata?>();
        for (var i = 0; i < promotion.Spec.Steps.Count; i++)
        {
            steps.Add(status.StepExecutionMetadata is { } saved && i < saved.Count ? saved[i] : null);
        }

        var state = status.State is { ValueKind: JsonValueKind.Object } element
            ? (JsonObject)JsonNode.Parse(element.GetRawText())!
            : [];
        return new PromotionProgress(status, steps, state);
    }

    public PromotionStatus ToStatus(DateTimeOffset? startedAt, DateTimeOffset? finishedAt) => Previous with
    {
        Phase = Phase,
        Freight = Freight ?? Previous.Freight,
        Message = Message,
        StartedAt = startedAt,
        FinishedAt = finishedAt,
        CurrentStep = CurrentStep,
        StepExecutionMetadata = Steps.TakeWhile(s => s is not null).Select(s => s!).ToList(),
        State = JsonSerializer.SerializeToElement(State, KargoJson.Options),
        HealthChecks = HealthChecks.Count == 0 ? null : [.. HealthChecks],
    };
}
