namespace Dray.Core.Model.Freights;

public enum FreightOriginKind
{
    Warehouse,
}
