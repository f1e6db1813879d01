namespace Dray.Server.Ui.Model;

/// <summary>Everything the project page shows, read at one store revision.</summary>
public sealed record ProjectSnapshot(
    string Project,
    long Revision,
    IReadOnlyList<string> Warehouses,
    IReadOnlyList<StageView> Stages,
    IReadOnlyList<FreightView> Freight);
