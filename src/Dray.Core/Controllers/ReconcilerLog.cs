using Microsoft.Extensions.Logging;

namespace Dray.Core.Controllers;

internal static partial class ReconcilerLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Reconciler {Reconciler} failed for {Key}; retrying in {Delay}")]
    public static partial void ReconcileFailed(ILogger logger, string reconciler, string key, TimeSpan delay, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reconciler {Reconciler} lost the change feed; reopening it from revision {Revision}")]
    public static partial void WatchFailed(ILogger logger, string reconciler, long revision, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconciler {Reconciler} fell behind the change feed; listing every key again")]
    public static partial void WatchExpired(ILogger logger, string reconciler);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reconciler {Reconciler} could not list its keys; trying again in {Delay}")]
    public static partial void ListFailed(ILogger logger, string reconciler, TimeSpan delay, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reconciler {Reconciler} could not list keys for a resync")]
    public static partial void ResyncFailed(ILogger logger, string reconciler, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Reconciled {Key}; next look in {RequeueAfter}")]
    public static partial void Reconciled(ILogger logger, string key, TimeSpan? requeueAfter);
}
