using System.Globalization;

namespace Dray.Sources.Git;

/// <summary>
/// Lists every tag of a repository that points (directly or through an annotated tag) at a commit, with one
/// <c>git for-each-ref</c> that also reads the tagger and annotation of annotated tags.
/// </summary>
internal static class GitTagReader
{
    public const string Format =
        "--format=%(refname:strip=2)%00%(objecttype)%00%(objectname)%00%(*objecttype)%00%(*objectname)%00%(creatordate:iso-strict)"
        + "%00%(subject)%00%(*subject)%00%(authorname) %(authoremail)%00%(*authorname) %(*authoremail)"
        + "%00%(committername) %(committeremail)%00%(*committername) %(*committeremail)"
        + "%00%(taggername) %(taggeremail)%00%(contents:subject)";

    public static async Task<IReadOnlyList<GitTag>> ListAsync(GitRunner runner, GitMirror mirror, CancellationToken ct)
    {
        var command = GitCommand.Create(["for-each-ref", Format, "refs/tags"], null, false);
        var output = await runner.RunAsync(command, mirror.Path, mirror.RepoUrl, ct).ConfigureAwait(false);
        return Parse(output);
    }

    internal static List<GitTag> Parse(string output)
    {
        var tags = new List<GitTag>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var f = line.Split('\0');
            if (f.Length < 14)
            {
                continue;
            }

            var annotated = f[1] == "tag";
            if ((annotated ? f[3] : f[1]) != "commit" || f[5].Length == 0)
            {
                continue;
            }

            tags.Add(new GitTag(
                f[0],
                annotated ? f[4] : f[2],
                DateTimeOffset.Parse(f[5], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                annotated ? f[7] : f[6],
                annotated ? f[9] : f[8],
                annotated ? f[11] : f[10],
                annotated ? f[12] : "",
                annotated ? f[13] : ""));
        }

        return tags;
    }
}
