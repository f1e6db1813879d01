namespace Dray.Core.Model.Analysis;

public sealed record SecretKeyRef
{
    public required string Name { get; init; }

    public required string Key { get; init; }
}
