namespace Dray.Cli.Serve;

/// <summary>What <c>dray serve</c> hands the server: where to keep data, where to listen, the admin password.</summary>
/// <param name="DataDirectory">The data directory (SQLite database, keys, git mirrors).</param>
/// <param name="Listen">HOST:PORT to listen on.</param>
/// <param name="AdminPassword">The admin password, or null to keep the stored one (or generate one on first start).</param>
/// <param name="Demo">When true, the demo project is applied once the server runs, unless it already exists.</param>
internal sealed record ServeSettings(string DataDirectory, string Listen, string? AdminPassword, bool Demo = false, string? ExternalUrl = null);
