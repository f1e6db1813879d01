namespace Dray.Core.Model.Stages;

public enum HealthState
{
    Healthy,
    Unhealthy,
    Progressing,
    Unknown,
    NotApplicable,
}
