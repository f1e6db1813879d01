using System.Diagnostics.CodeAnalysis;
using System.Text;
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

    /// <summary>
    /// The plain-text value of <paramref name="key"/>: from <see cref="StringData"/> if present there (it wins, as in
    /// Kubernetes), else base64-decoded from <see cref="Data"/>. False when absent or not valid base64/UTF-8.
    /// </summary>
    public bool TryGetValue(string key, [NotNullWhen(true)] out string? value)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (StringData is not null && StringData.TryGetValue(key, out value))
        {
            return true;
        }

        value = null;
        if (Data is null || !Data.TryGetValue(key, out var encoded))
        {
            return false;
        }

        var buffer = new byte[encoded.Length];
        if (!Convert.TryFromBase64String(encoded, buffer, out var length))
        {
            return false;
        }

        try
        {
            value = StrictUtf8.GetString(buffer, 0, length);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
}
