using System.Text;

namespace Dray.Cli.Output;

/// <summary>kubectl-style plain columns: left-aligned, three spaces apart, no borders, so output stays greppable.</summary>
internal static class TableWriter
{
    public static void Write(TextWriter writer, IReadOnlyList<string>? headers, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var all = headers is null ? rows : [headers, .. rows];
        if (all.Count == 0)
        {
            return;
        }

        var columns = all.Max(r => r.Count);
        var widths = new int[columns];
        foreach (var row in all)
        {
            for (var i = 0; i < row.Count; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        var line = new StringBuilder();
        foreach (var row in all)
        {
            line.Clear();
            for (var i = 0; i < row.Count; i++)
            {
                line.Append(row[i]);
                if (i < row.Count - 1)
                {
                    line.Append(' ', widths[i] - row[i].Length + 3);
                }
            }

            writer.WriteLine(line.ToString().TrimEnd());
        }
    }
}
