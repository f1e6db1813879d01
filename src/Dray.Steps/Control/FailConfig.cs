namespace Dray.Steps.Control;

public sealed record FailConfig
{
    /// <summary>Why the Promotion fails; shown as the step's and the Promotion's message.</summary>
    public string? Message { get; init; }
}
