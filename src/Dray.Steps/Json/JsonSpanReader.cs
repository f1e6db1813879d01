using System.Text.Json;

namespace Dray.Steps.Json;

/// <summary>Reads a JSON text into <see cref="JsonSpan"/>s. Comments and trailing commas are tolerated.</summary>
internal static class JsonSpanReader
{
    /// <exception cref="JsonException">The text is not valid JSON.</exception>
    public static JsonSpan Read(byte[] utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        });
        if (!reader.Read())
        {
            throw new JsonException("the file is empty");
        }

        return ReadValue(ref reader);
    }

    private static JsonSpan ReadValue(ref Utf8JsonReader reader)
    {
        var start = (int)reader.TokenStartIndex;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var properties = new List<(string, JsonSpan)>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var name = reader.GetString()!;
                    reader.Read();
                    properties.Add((name, ReadValue(ref reader)));
                }

                var obj = new JsonSpan(JsonSpanKind.Object, start, (int)reader.BytesConsumed);
                obj.Properties.AddRange(properties);
                return obj;
            case JsonTokenType.StartArray:
                var items = new List<JsonSpan>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader));
                }

                var array = new JsonSpan(JsonSpanKind.Array, start, (int)reader.BytesConsumed);
                array.Items.AddRange(items);
                return array;
            default:
                return new JsonSpan(JsonSpanKind.Scalar, start, (int)reader.BytesConsumed);
        }
    }
}
