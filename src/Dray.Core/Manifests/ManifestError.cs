namespace Dray.Core.Manifests;

/// <summary>One problem found in a manifest, pinned to its source position.</summary>
/// <param name="File">The file name as the user gave it, or null for standard input / API bodies without a name.</param>
/// <param name="Line">1-based line, 0 when unknown.</param>
/// <param name="Column">1-based column, 0 when unknown.</param>
/// <param name="Path">The field path, for example <c>spec.subscriptions[0].image.constraint</c>; empty for the whole document.</param>
/// <param name="Message">What is wrong, in words a user can act on.</param>
public sealed record ManifestError(string? File, int Line, int Column, string Path, string Message)
{
    public override string ToString()
    {
        var where = File ?? "<stdin>";
        if (Line > 0)
        {
            where += Column > 0 ? $":{Line}:{Column}" : $":{Line}";
        }

        return Path.Length == 0 ? $"{where}: {Message}" : $"{where}: {Path}: {Message}";
    }
}

/// <summary>A note about a legacy field that was converted to today's form. Printed by <c>dray apply</c>.</summary>
public sealed record ManifestWarning(string? File, int Line, int Column, string Path, string Message)
{
    public override string ToString()
    {
        var where = File ?? "<stdin>";
        if (Line > 0)
        {
            where += $":{Line}";
        }

        return Path.Length == 0 ? $"{where}: {Message}" : $"{where}: {Path}: {Message}";
    }
}

public sealed class ManifestException(IReadOnlyList<ManifestError> errors)
    : Exception(errors.Count == 1 ? errors[0].ToString() : $"{errors.Count} errors:\n" + string.Join('\n', errors))
{
    public IReadOnlyList<ManifestError> Errors { get; } = errors;
}
