using System.Text;

namespace Dray.Core.FreightIdentity;

/// <summary>Go's <c>path.Join</c> and <c>path.Clean</c>; chart hash parts depend on their exact behaviour (<c>//</c> collapses).</summary>
internal static class GoPath
{
    public static string Join(params string[] elements)
    {
        var nonEmpty = elements.Where(e => e.Length > 0).ToList();
        return nonEmpty.Count == 0 ? "" : Clean(string.Join('/', nonEmpty));
    }

    public static string Clean(string path)
    {
        if (path.Length == 0)
        {
            return ".";
        }

        var rooted = path[0] == '/';
        var output = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            switch (segment)
            {
                case "" or ".":
                    break;
                case "..":
                    if (output.Count > 0 && output[^1] != "..")
                    {
                        output.RemoveAt(output.Count - 1);
                    }
                    else if (!rooted)
                    {
                        output.Add("..");
                    }

                    break;
                default:
                    output.Add(segment);
                    break;
            }
        }

        var result = new StringBuilder();
        if (rooted)
        {
            result.Append('/');
        }

        result.Append(string.Join('/', output));
        return result.Length == 0 ? "." : result.ToString();
    }
}
