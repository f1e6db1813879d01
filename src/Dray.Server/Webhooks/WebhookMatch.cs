namespace Dray.Server.Webhooks;

/// <param name="Selected">Warehouses to refresh.</param>
/// <param name="FilteredOut">
/// Warehouses subscribed to the repository that the push does not concern: another branch, a tag where they follow a
/// branch (or a branch where they follow tags, or a tag their regexes exclude), or no changed file passing their paths.
/// </param>
public sealed record WebhookMatch(IReadOnlyList<string> Selected, IReadOnlyList<string> FilteredOut);
