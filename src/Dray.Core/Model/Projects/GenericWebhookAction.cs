using System.ComponentModel.DataAnnotations;

namespace Dray.Core.Model.Projects;

public sealed record GenericWebhookAction
{
    public required GenericWebhookActionType Action { get; init; }

    /// <summary>An expression over the request; the action runs only when it is true.</summary>
    public string? WhenExpression { get; init; }

    public IReadOnlyDictionary<string, string>? Parameters { get; init; }

    [MinLength(1)]
    public IReadOnlyList<GenericWebhookTargetSelectionCriteria>? TargetSelectionCriteria { get; init; }
}
