using Dray.Core.Resources;

namespace Dray.Cli.Output;

/// <summary>One table column; <paramref name="WideOnly"/> columns appear only with <c>-o wide</c>.</summary>
internal sealed record Column(string Header, Func<ResourceDocument, DateTimeOffset, string> Value, bool WideOnly = false);
