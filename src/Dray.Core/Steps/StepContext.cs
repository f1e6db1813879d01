using System.Text.Json.Nodes;
using Dray.Core.Model.Freights;
using Microsoft.Extensions.Logging;

namespace Dray.Core.Steps;

/// <summary>Everything one run of a step may use. <see cref="Config"/> has already had its expressions evaluated.</summary>
public sealed record StepContext
{
    public required string Project { get; init; }

    public required string Stage { get; init; }

    public required string Promotion { get; init; }

    /// <summary>The work directory shared by all steps of the promotion.</summary>
    public required WorkDirectory WorkDirectory { get; init; }

    public required JsonObject Config { get; init; }

    /// <summary>The Freight being promoted, one per origin.</summary>
    public IReadOnlyList<Freight> Freight { get; init; } = [];

    public required TimeProvider TimeProvider { get; init; }

    public required ILogger Logger { get; init; }

    public required IStepSecrets Secrets { get; init; }
}
