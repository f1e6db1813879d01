namespace Dray.Server.Webhooks;

/// <param name="Selected">Warehouses to refresh.</param>
/// <param name="FilteredOut">Warehouses subscribed to the repository whose paths the push did not touch.</param>
public sealed record WebhookMatch(IReadOnlyList<string> Selected, IReadOnlyList<string> FilteredOut);
