using Dray.Server.Actions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dray.Server.Api;

/// <summary>The problem response of an action that did not happen.</summary>
internal static class ActionProblems
{
    public static ProblemHttpResult From(ActionOutcome outcome, string? conflictTitle = null) => outcome.Status switch
    {
        ActionStatus.NotFound => Problems.NotFound(outcome.Message),
        ActionStatus.Invalid => Problems.BadRequest(outcome.Message),
        _ => Problems.Status(StatusCodes.Status409Conflict, outcome.Message, conflictTitle),
    };
}
