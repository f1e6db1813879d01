namespace Dray.Core.Manifests;

/// <summary>Collects every error and warning of one apply, across all documents.</summary>
public sealed class ManifestDiagnostics
{
    private readonly List<ManifestError> _errors = [];
    private readonly List<ManifestWarning> _warnings = [];

    public IReadOnlyList<ManifestError> Errors => _errors;

    public IReadOnlyList<ManifestWarning> Warnings => _warnings;

    public bool HasErrors => _errors.Count > 0;

    public void Add(ManifestError error) => _errors.Add(error);

    public void Add(ManifestWarning warning) => _warnings.Add(warning);

    public void AddRange(IEnumerable<ManifestError> errors) => _errors.AddRange(errors);

    /// <summary>Throws <see cref="ManifestException"/> with every error, in file and line order, when there is any.</summary>
    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
        {
            throw new ManifestException(Sorted());
        }
    }

    /// <summary>Errors grouped by file (in the order files first appear), then by position.</summary>
    public IReadOnlyList<ManifestError> Sorted()
    {
        var fileOrder = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var error in _errors)
        {
            fileOrder.TryAdd(error.File ?? "", fileOrder.Count);
        }

        return [.. _errors.Distinct().OrderBy(e => fileOrder[e.File ?? ""]).ThenBy(e => e.Line).ThenBy(e => e.Column)];
    }
}
