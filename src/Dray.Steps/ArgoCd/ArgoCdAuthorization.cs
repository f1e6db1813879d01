namespace Dray.Steps.ArgoCd;

/// <summary>
/// The consent check: an Application must list the Stage in its <c>kargo.akuity.io/authorized-stage</c> annotation,
/// as <c>&lt;project&gt;:&lt;stage&gt;</c> entries separated by commas. Either part may use <c>*</c> and <c>?</c> globs.
/// </summary>
public static class ArgoCdAuthorization
{
    public const string AnnotationKey = "kargo.akuity.io/authorized-stage";

    public static bool Authorizes(string? annotation, string project, string stage)
    {
        if (string.IsNullOrWhiteSpace(annotation))
        {
            return false;
        }

        foreach (var raw in annotation.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = raw.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || colon == raw.Length - 1)
            {
                continue;
            }

            if (Glob(raw[..colon], project) && Glob(raw[(colon + 1)..], stage))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Glob(string pattern, string value) => Match(pattern.AsSpan(), value.AsSpan());

    private static bool Match(ReadOnlySpan<char> p, ReadOnlySpan<char> v)
    {
        while (p.Length > 0)
        {
            if (p[0] == '*')
            {
                var rest = p[1..];
                for (var i = 0; i <= v.Length; i++)
                {
                    if (Match(rest, v[i..]))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (v.Length == 0 || (p[0] != '?' && p[0] != v[0]))
            {
                return false;
            }

            p = p[1..];
            v = v[1..];
        }

        return v.Length == 0;
    }
}
