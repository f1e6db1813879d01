using System.Diagnostics.CodeAnalysis;
using Dray.Core.Promotions;
using Dray.Core.Steps;

namespace Dray.Bench.Promotions;

/// <summary>Resolves <c>noop</c> only.</summary>
internal sealed class NoOpResolver : IPromotionStepResolver
{
    private readonly NoOpStep _step = new();

    public bool TryResolve(string uses, [NotNullWhen(true)] out IPromotionStep? step)
    {
        step = uses == "noop" ? _step : null;
        return step is not null;
    }
}
