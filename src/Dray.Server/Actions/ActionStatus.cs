namespace Dray.Server.Actions;

/// <summary>How a user action ended; the REST endpoints map it to a status code, the UI to a snackbar.</summary>
public enum ActionStatus
{
    Done,
    NotFound,
    Conflict,
    Invalid,
}
