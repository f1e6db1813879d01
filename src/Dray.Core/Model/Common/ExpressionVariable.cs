using System.ComponentModel.DataAnnotations;

namespace Dray.Core.Model.Common;

/// <summary>A named variable whose value may contain <c>${{ }}</c> expressions. A missing value marks a required task input.</summary>
public sealed record ExpressionVariable
{
    [RegularExpression(KargoPatterns.VariableName)]
    [MinLength(1)]
    public required string Name { get; init; }

    public string? Value { get; init; }
}
