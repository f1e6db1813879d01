namespace Dray.Core.Model.Projects;

public enum PromotionWindowKind
{
    Allow,
    Deny,
}
