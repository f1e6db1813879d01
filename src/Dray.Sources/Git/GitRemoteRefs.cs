namespace Dray.Sources.Git;

/// <summary>The refs of a repository (name to object id, peeled <c>^{}</c> entries left out) and its HEAD branch.</summary>
public sealed record GitRemoteRefs(IReadOnlyDictionary<string, string> Refs, string? HeadBranch)
{
    public static GitRemoteRefs Empty { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal), null);

    /// <summary>Reads <c>git ls-remote --symref</c> output.</summary>
    public static GitRemoteRefs ParseLsRemote(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var refs = new Dictionary<string, string>(StringComparer.Ordinal);
        string? head = null;
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab < 0)
            {
                continue;
            }

            var left = line[..tab];
            var name = line[(tab + 1)..];
            if (left.StartsWith("ref: ", StringComparison.Ordinal))
            {
                if (name == "HEAD")
                {
                    head = StripHeads(left["ref: ".Length..]);
                }

                continue;
            }

            if (name == "HEAD" || name.EndsWith("^{}", StringComparison.Ordinal))
            {
                continue;
            }

            refs[name] = left;
        }

        return new GitRemoteRefs(refs, head);
    }

    /// <summary>Reads <c>git for-each-ref --format=%(objectname) %(refname)</c> output of a mirror.</summary>
    public static GitRemoteRefs ParseLocal(string output, string? headBranch)
    {
        ArgumentNullException.ThrowIfNull(output);
        var refs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0)
            {
                refs[line[(space + 1)..]] = line[..space];
            }
        }

        return new GitRemoteRefs(refs, headBranch);
    }

    /// <summary>Whether both name the same refs at the same ids (the HEAD branch is not compared).</summary>
    public bool SameRefsAs(GitRemoteRefs other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Refs.Count == other.Refs.Count
            && Refs.All(r => other.Refs.TryGetValue(r.Key, out var id) && string.Equals(id, r.Value, StringComparison.Ordinal));
    }

    private static string StripHeads(string reference) =>
        reference.StartsWith("refs/heads/", StringComparison.Ordinal) ? reference["refs/heads/".Length..] : reference;
}
