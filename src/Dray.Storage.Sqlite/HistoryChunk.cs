namespace Dray.Storage.Sqlite;

/// <param name="Changes">The matching changes of this chunk, in revision order.</param>
/// <param name="ScannedThrough">Every change up to this revision has been seen (matching or not).</param>
/// <param name="Complete">True when the chunk reached the newest revision at the time it was read.</param>
internal sealed record HistoryChunk(IReadOnlyList<StoredChange> Changes, long ScannedThrough, bool Complete);
