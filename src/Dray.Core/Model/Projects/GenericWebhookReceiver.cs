using System.ComponentModel.DataAnnotations;
using Dray.Core.Model.Common;

namespace Dray.Core.Model.Projects;

public sealed record GenericWebhookReceiver
{
    public required LocalObjectReference SecretRef { get; init; }

    [MinLength(1)]
    public IReadOnlyList<GenericWebhookAction>? Actions { get; init; }
}
