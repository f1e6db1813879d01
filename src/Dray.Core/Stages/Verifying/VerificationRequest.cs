using System.Text.Json;

namespace Dray.Core.Stages.Verifying;

/// <summary>
/// The value of the Stage annotations <c>kargo.akuity.io/reverify</c> and <c>kargo.akuity.io/abort</c>: the ID of the
/// verification to act on, as a plain string or as Kargo's JSON <c>{"id": …, "actor": …, "controlPlane": …}</c>.
/// </summary>
public sealed record VerificationRequest(string Id, string? Actor)
{
    /// <summary>Null for a missing or empty value, or JSON without an <c>id</c>.</summary>
    public static VerificationRequest? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        if (!text.StartsWith('{'))
        {
            return new VerificationRequest(text, null);
        }

        try
        {
            using var json = JsonDocument.Parse(text);
            var root = json.RootElement;
            var id = root.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null;
            var actor = root.TryGetProperty("actor", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
            return string.IsNullOrEmpty(id) ? null : new VerificationRequest(id, actor);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The JSON form Dray writes.</summary>
    public string ToAnnotationValue() => JsonSerializer.Serialize(new Dictionary<string, string?> { ["id"] = Id, ["actor"] = Actor });
}
