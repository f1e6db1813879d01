namespace Dray.Server.Ui.Model;

/// <summary>A positioned card of the pipeline graph; <see cref="Stage"/> is null for a Warehouse.</summary>
public sealed record GraphNode(string Name, StageView? Stage, int Layer, int X, int Y, int Width, int Height)
{
    public string Key => Stage is null ? "warehouse/" + Name : "stage/" + Name;
}
