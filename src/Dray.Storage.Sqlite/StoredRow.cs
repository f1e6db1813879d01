using Dray.Core.Resources;

namespace Dray.Storage.Sqlite;

/// <summary>A document as it sits in the resources table, with its row id for label maintenance.</summary>
internal sealed record StoredRow(long Id, ResourceDocument Document);
