namespace Dray.Steps.Json;

/// <summary>A JSON value with its byte span in the original UTF-8 text.</summary>
internal sealed record JsonSpan(JsonSpanKind Kind, int Start, int End)
{
    public List<(string Name, JsonSpan Value)> Properties { get; } = [];

    public List<JsonSpan> Items { get; } = [];
}

internal enum JsonSpanKind
{
    Object,
    Array,
    Scalar,
}
