using Dray.Core.Resources;

namespace Dray.Core.Storage;

/// <param name="Kind">The kind to list.</param>
/// <param name="Namespace">The project, or null for all projects (and for cluster-scoped kinds).</param>
/// <param name="Limit">Page size; 0 means no limit.</param>
/// <param name="ContinueToken">The token from the previous page, or null for the first page.</param>
/// <param name="LabelSelector">Equality label selector: every pair must match.</param>
public sealed record ListQuery(
    string Kind,
    string? Namespace = null,
    int Limit = 0,
    string? ContinueToken = null,
    IReadOnlyDictionary<string, string>? LabelSelector = null);

/// <param name="Items">The documents of this page.</param>
/// <param name="ContinueToken">Pass to the next call to get the next page; null on the last page.</param>
/// <param name="Revision">The store revision the page was read at.</param>
public sealed record ResourcePage(IReadOnlyList<ResourceDocument> Items, string? ContinueToken, long Revision);

public enum ChangeType
{
    Added,
    Modified,
    Deleted,
}

/// <param name="Revision">The store revision of this change.</param>
/// <param name="Type">What happened.</param>
/// <param name="Document">The document after the change; for deletions, the last stored state.</param>
public sealed record ResourceChange(long Revision, ChangeType Type, ResourceDocument Document);

/// <param name="FromRevision">Only changes after this revision are streamed. 0 streams the whole retained history.</param>
/// <param name="Kind">Only this kind, or all kinds when null.</param>
/// <param name="Namespace">Only this project, or all when null.</param>
public sealed record WatchQuery(long FromRevision = 0, string? Kind = null, string? Namespace = null);

public enum WriteOperationType
{
    /// <summary>Create; fails when the key exists.</summary>
    Create,

    /// <summary>Create, or update (keeping status) when the key exists.</summary>
    Upsert,

    /// <summary>Update; fails when missing or when a non-zero resourceVersion is stale.</summary>
    Update,

    /// <summary>Replace status only.</summary>
    UpdateStatus,

    /// <summary>Delete; a missing document is not an error.</summary>
    Delete,
}

public sealed record WriteOperation(WriteOperationType Type, ResourceDocument Document);

public enum WriteOutcome
{
    Created,
    Updated,
    Unchanged,
    Deleted,
    NotFound,
}

/// <param name="Outcome">What the operation did.</param>
/// <param name="Document">The stored document after the operation (the last state for deletions; null if not found).</param>
public sealed record WriteResult(WriteOutcome Outcome, ResourceDocument? Document);
