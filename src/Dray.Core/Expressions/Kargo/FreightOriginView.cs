namespace Dray.Core.Expressions.Kargo;

/// <summary>Kargo's FreightOrigin as expressions see it; <c>warehouse("name")</c> returns one.</summary>
public sealed record FreightOriginView(string Kind, string Name) : ExpressionRecord
{
    public const string WarehouseKind = "Warehouse";

    public override string TypeName => "FreightOrigin";

    public static FreightOriginView Warehouse(string name) => new(WarehouseKind, name);

    protected override IEnumerable<ExpressionField> Fields() =>
    [
        new("Kind", "kind", Kind),
        new("Name", "name", Name),
    ];
}
