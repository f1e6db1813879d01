using Dray.Core.Resources;

namespace Dray.Server.Actions;

/// <summary>The result of one user action: a status, a sentence for the user and, when done, the document written.</summary>
public sealed record ActionOutcome(ActionStatus Status, string Message, ResourceDocument? Document = null)
{
    public bool Succeeded => Status == ActionStatus.Done;

    public static ActionOutcome Done(string message, ResourceDocument? document = null) => new(ActionStatus.Done, message, document);

    public static ActionOutcome NotFound(string message) => new(ActionStatus.NotFound, message);

    public static ActionOutcome Conflict(string message) => new(ActionStatus.Conflict, message);

    public static ActionOutcome Invalid(string message) => new(ActionStatus.Invalid, message);
}
