namespace Dray.Sources.Oci;

public enum ImageSelectionStrategy
{
    SemVer,
    Lexical,
    Digest,
    NewestBuild,
}
