using System.Text.Json.Nodes;

namespace Dray.Core.Stages;

/// <summary>
/// The value of a Stage's <c>kargo.akuity.io/reverify</c> or <c>kargo.akuity.io/abort</c> annotation: JSON
/// <c>{"id":...,"actor":...,"controlPlane":false}</c> naming the verification it applies to (Kargo also accepts a bare ID).
/// </summary>
public static class VerificationRequest
{
    public static string Value(string id, string? actor)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var value = new JsonObject { ["id"] = id };
        if (!string.IsNullOrEmpty(actor))
        {
            value["actor"] = actor;
        }

        value["controlPlane"] = false;
        return value.ToJsonString();
    }

    /// <summary>The verification ID a request names, or null when the value is empty or malformed.</summary>
    public static string? IdOf(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        if (text[0] != '{')
        {
            return text;
        }

        try
        {
            return JsonNode.Parse(text) is JsonObject obj && obj["id"] is JsonValue id && id.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
