using System.Text.Json.Nodes;
using Dray.Core.Model.Common;
using Dray.Core.Resources;

namespace Dray.Core.Promotions;

/// <summary>The <c>kargo.akuity.io/abort</c> annotation: <c>{"action":"terminate","actor":...}</c>.</summary>
public static class PromotionAbort
{
    public const string Terminate = "terminate";

    public static string Value(string? actor)
    {
        var value = new JsonObject { ["action"] = Terminate };
        if (!string.IsNullOrEmpty(actor))
        {
            value["actor"] = actor;
        }

        return value.ToJsonString();
    }

    /// <summary>True when the document carries an abort request with the terminate action.</summary>
    public static bool IsRequested(ResourceDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = document.GetAnnotation(KargoAnnotations.Abort);
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        try
        {
            return JsonNode.Parse(text) is JsonObject obj && (string?)obj["action"] == Terminate;
        }
        catch (System.Text.Json.JsonException)
        {
            // Kargo also accepts the bare action name.
            return string.Equals(text.Trim(), Terminate, StringComparison.Ordinal);
        }
    }
}
