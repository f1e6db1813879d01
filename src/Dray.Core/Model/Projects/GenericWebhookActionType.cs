namespace Dray.Core.Model.Projects;

public enum GenericWebhookActionType
{
    Refresh,
}
