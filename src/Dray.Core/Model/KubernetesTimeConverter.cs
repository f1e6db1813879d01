using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dray.Core.Model;

/// <summary>
/// Writes timestamps the way Kubernetes does (<c>2024-01-02T03:04:05Z</c>, UTC, fractional seconds only when present)
/// so that documents round-trip byte for byte; .NET's default would write <c>+00:00</c>.
/// </summary>
public sealed class KubernetesTimeConverter : JsonConverter<DateTimeOffset>
{
    private const string Format = "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF'Z'";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var value))
        {
            return value;
        }

        throw new JsonException("Expected an RFC 3339 timestamp.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture));
    }
}
