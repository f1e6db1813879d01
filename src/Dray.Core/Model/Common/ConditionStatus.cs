namespace Dray.Core.Model.Common;

public enum ConditionStatus
{
    True,
    False,
    Unknown,
}
