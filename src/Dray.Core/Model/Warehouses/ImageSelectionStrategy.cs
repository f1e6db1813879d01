namespace Dray.Core.Model.Warehouses;

public enum ImageSelectionStrategy
{
    SemVer,
    Lexical,
    Digest,
    NewestBuild,
}
