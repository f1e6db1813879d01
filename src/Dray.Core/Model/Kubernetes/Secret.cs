using Dray.Core.Model.Common;
using Dray.Core.Resources;

namespace Dray.Core.Model.Kubernetes;

/// <summary>
/// A Kubernetes Secret. Credentials carry the label <see cref="CredentialTypeLabel"/>; <see cref="Data"/> values are
/// base64, <see cref="StringData"/> values are plain text and are folded into <see cref="Data"/> on write.
/// </summary>
public sealed record Secret
{
    public const string CredentialTypeLabel = "kargo.akuity.io/cred-type";

    public string ApiVersion { get; init; } = ResourceKinds.Secret.ApiVersion;

    public string Kind { get; init; } = ResourceKinds.Secret.Kind;

    public required ObjectMeta Metadata { get; init; }

    /// <summary>For example <c>Opaque</c>.</summary>
    public string? Type { get; init; }

    public IReadOnlyDictionary<string, string>? Data { get; init; }

    public IReadOnlyDictionary<string, string>? StringData { get; init; }

    public bool? Immutable { get; init; }
}
