namespace Dray.TestKit.Infrastructure;

/// <summary>How to run a child process. <see cref="Environment"/> entries with a null value are removed.</summary>
public sealed record ProcessOptions
{
    public string? WorkingDirectory { get; init; }

    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>Written to standard input, which is then closed. Null closes it at once.</summary>
    public string? StandardInput { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(2);
}
