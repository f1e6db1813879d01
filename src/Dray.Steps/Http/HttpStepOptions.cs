namespace Dray.Steps.Http;

/// <summary>Host-wide settings of the <c>http</c> step.</summary>
public sealed record HttpStepOptions
{
    /// <summary>Lets requests reach link-local and cloud metadata addresses. Off by default.</summary>
    public bool AllowMetadataAddresses { get; init; }

    /// <summary>The largest response body read; a longer one is an error.</summary>
    public int MaxResponseBytes { get; init; } = 2 * 1024 * 1024;
}
