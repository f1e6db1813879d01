namespace Dray.Server.Actions;

/// <summary>One subscription of a Warehouse and the artifacts discovered for it, as labels, best first.</summary>
public sealed record SubscriptionChoices(string Subscription, IReadOnlyList<string> Options);
