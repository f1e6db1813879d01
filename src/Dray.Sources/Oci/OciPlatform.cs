using System.Diagnostics.CodeAnalysis;

namespace Dray.Sources.Oci;

/// <summary>An <c>os/arch[/variant]</c> platform.</summary>
public sealed record OciPlatform(string Os, string Architecture, string? Variant = null)
{
    public override string ToString() => Variant is null ? $"{Os}/{Architecture}" : $"{Os}/{Architecture}/{Variant}";

    /// <summary>True when <paramref name="candidate"/> satisfies this platform used as a filter; a filter without a variant accepts any variant.</summary>
    public bool Accepts(OciPlatform candidate) =>
        string.Equals(Os, candidate.Os, StringComparison.OrdinalIgnoreCase)
        && string.Equals(Architecture, candidate.Architecture, StringComparison.OrdinalIgnoreCase)
        && (Variant is null || string.Equals(Variant, candidate.Variant, StringComparison.OrdinalIgnoreCase));

    public static OciPlatform Parse(string text) =>
        TryParse(text, out var platform)
            ? platform
            : throw new FormatException($"platform '{text}' must look like os/arch or os/arch/variant");

    public static bool TryParse(string? text, [NotNullWhen(true)] out OciPlatform? platform)
    {
        platform = null;
        var parts = (text ?? string.Empty).Trim().Split('/');
        if (parts.Length is < 2 or > 3 || parts.Any(p => p.Length == 0 || !p.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')))
        {
            return false;
        }

        platform = new OciPlatform(parts[0].ToLowerInvariant(), parts[1].ToLowerInvariant(), parts.Length == 3 ? parts[2].ToLowerInvariant() : null);
        return true;
    }

    /// <summary>The platform this process runs on, in OCI spelling; used to pick an index entry when no platform is configured.</summary>
    public static OciPlatform Host() => new("linux", System.Runtime.InteropServices.RuntimeInformation.OSArchitecture switch
    {
        System.Runtime.InteropServices.Architecture.Arm64 => "arm64",
        System.Runtime.InteropServices.Architecture.Arm => "arm",
        System.Runtime.InteropServices.Architecture.X86 => "386",
        System.Runtime.InteropServices.Architecture.S390x => "s390x",
        System.Runtime.InteropServices.Architecture.Ppc64le => "ppc64le",
        _ => "amd64",
    });
}
