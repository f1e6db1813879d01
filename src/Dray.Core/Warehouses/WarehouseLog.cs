using Microsoft.Extensions.Logging;

namespace Dray.Core.Warehouses;

internal static partial class WarehouseLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Discovering artifacts ({Trigger})")]
    public static partial void Discovering(ILogger logger, DiscoveryTrigger trigger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discovery failed: {Error}; retrying in {Delay}")]
    public static partial void DiscoveryFailed(ILogger logger, string error, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created Freight {Freight} ({Alias})")]
    public static partial void FreightCreated(ILogger logger, string freight, string? alias);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Status unchanged; nothing written")]
    public static partial void StatusUnchanged(ILogger logger);
}
