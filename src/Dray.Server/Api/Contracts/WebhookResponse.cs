namespace Dray.Server.Api.Contracts;

/// <param name="Refreshed">How many Warehouses were asked to discover now.</param>
/// <param name="Message">What the receiver made of the delivery.</param>
public sealed record WebhookResponse(int Refreshed, string Message);
