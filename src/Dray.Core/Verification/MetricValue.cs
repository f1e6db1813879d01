using System.Text.Json.Nodes;

namespace Dray.Core.Verification;

/// <summary>What a provider measured: the <c>result</c> the conditions see, or the error that stopped it.</summary>
public sealed record MetricValue
{
    public JsonNode? Result { get; init; }

    /// <summary>The text recorded as the measurement's value.</summary>
    public string? Display { get; init; }

    public string? Error { get; init; }

    public static MetricValue Of(JsonNode? result) =>
        new() { Result = result, Display = result is JsonValue v && v.TryGetValue<string>(out var s) ? s : result?.ToJsonString() ?? "" };

    public static MetricValue Failed(string error) => new() { Error = error };
}
