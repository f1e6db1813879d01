using System.ComponentModel.DataAnnotations;

namespace Dray.Steps.Http;

/// <summary>One output of the <c>http</c> step: a raw expression over <c>response</c>.</summary>
public sealed record HttpOutputConfig
{
    [MinLength(1)]
    public required string Name { get; init; }

    [MinLength(1)]
    public required string FromExpression { get; init; }
}
