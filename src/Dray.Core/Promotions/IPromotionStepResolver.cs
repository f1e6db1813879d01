using System.Diagnostics.CodeAnalysis;
using Dray.Core.Steps;

namespace Dray.Core.Promotions;

/// <summary>Finds the step that implements a <c>uses</c> name.</summary>
public interface IPromotionStepResolver
{
    bool TryResolve(string uses, [NotNullWhen(true)] out IPromotionStep? step);
}
