using System.Diagnostics.CodeAnalysis;
using Dray.Core.Steps;

namespace Dray.Core.Promotions;

/// <summary>Resolves steps from the explicit list built by <c>AddPromotionStep</c>.</summary>
public sealed class RegistryStepResolver(PromotionStepRegistry registry) : IPromotionStepResolver
{
    public bool TryResolve(string uses, [NotNullWhen(true)] out IPromotionStep? step) => registry.TryGet(uses, out step);
}
