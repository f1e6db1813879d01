namespace Dray.Core.Expressions.Kargo;

/// <summary>An earlier step of the running Promotion: alias ("task::alias" inside tasks), status, continueOnError.</summary>
public sealed record StepStatusData(string Alias, string Status, bool ContinueOnError = false)
{
    public bool IsFailure => !ContinueOnError && Status is "Failed" or "Errored";
}
