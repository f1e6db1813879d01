using System.Globalization;

namespace Dray.Server.Ui.Model;

/// <summary>An arrow from the right edge of one card to the left edge of another, as an SVG cubic path.</summary>
public sealed record GraphEdge(GraphNode From, GraphNode To)
{
    public string Path
    {
        get
        {
            var (x1, y1) = (From.X + From.Width, From.Y + (From.Height / 2));
            var (x2, y2) = (To.X, To.Y + (To.Height / 2));
            var bend = Math.Max(20, (x2 - x1) / 2);
            return string.Create(CultureInfo.InvariantCulture, $"M {x1} {y1} C {x1 + bend} {y1}, {x2 - bend} {y2}, {x2} {y2}");
        }
    }
}
