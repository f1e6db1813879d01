namespace Dray.Core.Steps;

/// <summary>One entry of the explicit step list, added by <c>AddPromotionStep</c>.</summary>
public sealed record PromotionStepRegistration(string Name, Type StepType, Func<IServiceProvider, IPromotionStep> Factory);
