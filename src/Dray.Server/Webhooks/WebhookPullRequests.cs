namespace Dray.Server.Webhooks;

/// <summary>Builds the event of a pull request that was merged or closed.</summary>
internal static class WebhookPullRequests
{
    public static WebhookParseResult Ended(IReadOnlyList<string> repoUrls, long? number, string description) =>
        repoUrls.Count == 0
            ? WebhookParseResult.Invalid("pull request payload names no repository URL")
            : WebhookParseResult.Of(new WebhookEvent(WebhookArtifactKind.PullRequest, repoUrls, null, description, PullRequest: number));

    /// <summary>
    /// A <c>pull_request</c> event as GitHub sends it and Gitea copies it: <c>action</c> <c>closed</c> (merged or not)
    /// ends the pull request; <c>number</c> at the top or in <c>pull_request</c>.
    /// </summary>
    public static WebhookParseResult FromPullRequestEvent(System.Text.Json.Nodes.JsonObject body, IReadOnlyList<string> repoUrls)
    {
        var action = PayloadJson.Str(body, "action") ?? "";
        var number = Number(body["number"]) ?? Number(PayloadJson.Object(body, "pull_request")?["number"]);
        return action == "closed"
            ? Ended(repoUrls, number, $"pull request #{number} closed")
            : WebhookParseResult.Ignored($"pull request action \"{action}\" does not end a pull request");
    }

    /// <summary>A number from a payload field that may be a JSON number (most) or absent.</summary>
    public static long? Number(System.Text.Json.Nodes.JsonNode? node) =>
        node is System.Text.Json.Nodes.JsonValue value && value.TryGetValue<long>(out var number) ? number : null;
}
