namespace Dray.Server.Webhooks;

/// <summary>Builds the event of a pull request that was merged or closed.</summary>
internal static class WebhookPullRequests
{
    public static WebhookParseResult Ended(IReadOnlyList<string> repoUrls, long? number, string description) =>
        repoUrls.Count == 0
            ? WebhookParseResult.Invalid("pull request payload names no repository URL")
            : WebhookParseResult.Of(new WebhookEvent(WebhookArtifactKind.PullRequest, repoUrls, null, description, PullRequest: number));

    /// <summary>A number from a payload field that may be a JSON number (most) or absent.</summary>
    public static long? Number(System.Text.Json.Nodes.JsonNode? node) =>
        node is System.Text.Json.Nodes.JsonValue value && value.TryGetValue<long>(out var number) ? number : null;
}
