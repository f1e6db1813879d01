namespace Dray.TestKit.Oci;

public sealed record OciPlatform(string Os, string Architecture, string? Variant = null)
{
    public static OciPlatform LinuxAmd64 { get; } = new("linux", "amd64");

    public static OciPlatform LinuxArm64 { get; } = new("linux", "arm64", "v8");

    public override string ToString() => Variant is null ? $"{Os}/{Architecture}" : $"{Os}/{Architecture}/{Variant}";
}
