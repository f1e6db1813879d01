namespace Dray.Core.Model.Warehouses;

public enum GitCommitSelectionStrategy
{
    NewestFromBranch,
    SemVer,
    Lexical,
    NewestTag,
}
