using System.Text.Json.Serialization;

namespace Dray.Core.Model.Stages;

[JsonConverter(typeof(AvailabilityStrategyConverter))]
public enum AvailabilityStrategy
{
    /// <summary>Kargo accepts an empty string and treats it as <see cref="OneOf"/>.</summary>
    Unspecified,
    OneOf,
    All,
}
