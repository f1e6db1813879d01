using System.ComponentModel.DataAnnotations;
using Dray.Core.Model.Common;
using Dray.Core.Model.Promotions;

namespace Dray.Core.Model.Stages;

public sealed record PromotionTemplateSpec
{
    /// <summary>Template variables; they override Stage variables of the same name.</summary>
    public IReadOnlyList<ExpressionVariable>? Vars { get; init; }

    [MinLength(1)]
    public IReadOnlyList<PromotionStep>? Steps { get; init; }
}
