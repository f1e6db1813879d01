namespace Dray.Core.Model.Projects;

public enum GenericWebhookTargetKind
{
    Warehouse,
}
