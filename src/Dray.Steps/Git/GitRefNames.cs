namespace Dray.Steps.Git;

/// <summary>The parts of git's ref-name rules (git check-ref-format) that a branch from config must follow.</summary>
internal static class GitRefNames
{
    public static bool IsValidBranch(string name) =>
        name.Length > 0
        && !name.StartsWith('-')
        && !name.StartsWith('/')
        && !name.EndsWith('/')
        && !name.EndsWith(".lock", StringComparison.Ordinal)
        && !name.EndsWith('.')
        && !name.Contains("..", StringComparison.Ordinal)
        && !name.Contains("//", StringComparison.Ordinal)
        && !name.Contains("@{", StringComparison.Ordinal)
        && name != "@"
        && !name.Split('/').Any(part => part.StartsWith('.'))
        && name.All(c => c > ' ' && c != 0x7f && c is not ('~' or '^' or ':' or '?' or '*' or '[' or '\\'));
}
