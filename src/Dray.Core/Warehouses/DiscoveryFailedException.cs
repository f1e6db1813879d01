namespace Dray.Core.Warehouses;

/// <summary>Discovery of one subscription failed. The message names the subscription and the cause, for users.</summary>
public sealed class DiscoveryFailedException(string message, Exception? innerException = null) : Exception(message, innerException);
