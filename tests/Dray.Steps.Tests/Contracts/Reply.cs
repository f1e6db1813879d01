using System.Text.Json.Nodes;

namespace Dray.Steps.Tests.Contracts;

public sealed record Reply(int Status, JsonNode? Body = null)
{
    public static Reply Json(int status, string json) => new(status, JsonNode.Parse(json));
}
