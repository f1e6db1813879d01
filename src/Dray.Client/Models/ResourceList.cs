using Dray.Core.Resources;

namespace Dray.Client.Models;

/// <summary>One page of a list; <paramref name="Continue"/> is null on the last page.</summary>
public sealed record ResourceList(IReadOnlyList<ResourceDocument> Items, string? Continue, string? ResourceVersion);
