namespace Dray.Cli.Serve;

/// <summary>The demo's release numbering: <c>vMAJOR.MINOR.PATCH</c>, each publish bumps the minor version.</summary>
internal static class DemoVersions
{
    public static string Next(IEnumerable<string> tags)
    {
        var newest = tags.Select(Parse).OfType<Version>().DefaultIfEmpty(new Version(1, 0, 0)).Max()!;
        return $"v{newest.Major}.{newest.Minor + 1}.0";
    }

    private static Version? Parse(string tag) =>
        tag.StartsWith('v') && Version.TryParse(tag[1..], out var v) && v.Build >= 0 ? v : null;
}
