using System.ComponentModel.DataAnnotations;
using System.Text.Json;

namespace Dray.Core.Model.Promotions;

public sealed record HealthCheckStep
{
    [MinLength(1)]
    public required string Uses { get; init; }

    public JsonElement? Config { get; init; }
}
