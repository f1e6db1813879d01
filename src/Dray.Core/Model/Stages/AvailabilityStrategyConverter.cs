using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dray.Core.Model.Stages;

/// <summary>Maps Kargo's <c>""</c> to <see cref="AvailabilityStrategy.Unspecified"/>; System.Text.Json cannot name an enum member "".</summary>
public sealed class AvailabilityStrategyConverter : JsonConverter<AvailabilityStrategy>
{
    /// <summary>The wire spelling of each member, in declaration order.</summary>
    public static IReadOnlyList<string> WireNames { get; } = ["", nameof(AvailabilityStrategy.OneOf), nameof(AvailabilityStrategy.All)];

    public override AvailabilityStrategy Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return text switch
        {
            "" => AvailabilityStrategy.Unspecified,
            nameof(AvailabilityStrategy.OneOf) => AvailabilityStrategy.OneOf,
            nameof(AvailabilityStrategy.All) => AvailabilityStrategy.All,
            _ => throw new JsonException($"Unknown availability strategy '{text}'; expected OneOf, All or an empty string."),
        };
    }

    public override void Write(Utf8JsonWriter writer, AvailabilityStrategy value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(WireNames[(int)value]);
    }
}
