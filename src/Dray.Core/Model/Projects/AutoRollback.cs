using System.ComponentModel.DataAnnotations;

namespace Dray.Core.Model.Projects;

public sealed record AutoRollback
{
    /// <summary>Promotion phases that trigger a rollback: <c>Failed</c>, <c>Errored</c>.</summary>
    [MaxLength(2)]
    public IReadOnlyList<string>? OnPromotion { get; init; }

    /// <summary>Verification phases that trigger a rollback: <c>Failed</c>, <c>Error</c>.</summary>
    [MaxLength(2)]
    public IReadOnlyList<string>? OnVerification { get; init; }
}
