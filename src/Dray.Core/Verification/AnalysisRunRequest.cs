using Dray.Core.Expressions;
using Dray.Core.Expressions.Kargo;
using Dray.Core.Model.Analysis;
using Dray.Core.Model.Freights;
using Dray.Core.Model.Stages;

namespace Dray.Core.Verification;

/// <summary>What <see cref="AnalysisRunBuilder"/> needs: the Stage, its resolved templates and the Freight to verify.</summary>
public sealed record AnalysisRunRequest
{
    public required string Project { get; init; }

    public required Stage Stage { get; init; }

    /// <summary>The templates named by <c>verification.analysisTemplates</c>, loaded by the caller.</summary>
    public required IReadOnlyList<AnalysisTemplate> Templates { get; init; }

    public required FreightCollection FreightCollection { get; init; }

    /// <summary>The Freight of the collection; the run is owned by them.</summary>
    public IReadOnlyList<Freight>? Freight { get; init; }

    /// <summary>The Promotion whose result is verified, recorded in an annotation.</summary>
    public string? PromotionName { get; init; }

    public required Ulid Id { get; init; }

    public required IKargoExpressionContext Context { get; init; }

    public ExpressionEnvironment BaseEnvironment { get; init; } = ExpressionEnvironment.Empty;
}
