using System.Text.Json.Serialization;

namespace Dray.Core.Model.Stages;

public enum AvailabilityStrategy
{
    /// <summary>Kargo accepts an empty string and treats it as <see cref="OneOf"/>.</summary>
    [JsonStringEnumMemberName("")]
    Unspecified,
    OneOf,
    All,
}
