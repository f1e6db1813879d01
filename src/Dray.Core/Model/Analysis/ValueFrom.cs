namespace Dray.Core.Model.Analysis;

public sealed record ValueFrom
{
    public SecretKeyRef? SecretKeyRef { get; init; }

    public FieldRef? FieldRef { get; init; }
}
