using Microsoft.Extensions.Logging;

namespace Dray.Core.Stages;

internal static partial class StageLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Auto-promoting Freight {Freight} ({Reason}): Promotion {Promotion}")]
    public static partial void AutoPromoted(ILogger logger, string freight, string reason, string promotion);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Auto-promotion of Freight {Freight} refused: {Reason}")]
    public static partial void AutoPromotionRefused(ILogger logger, string freight, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Verification {Id}: {Action} ({Reason})")]
    public static partial void Verification(ILogger logger, string? id, string action, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Freight {Freight} {Change} in this Stage")]
    public static partial void FreightChanged(ILogger logger, string freight, string change);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Stage {Stage} changed meanwhile; it is reconciled again")]
    public static partial void Conflict(ILogger logger, string stage);
}
