namespace Dray.Core.Model.Warehouses;

public enum FreightCreationPolicy
{
    Automatic,
    Manual,
}
