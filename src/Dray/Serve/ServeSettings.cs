namespace Dray.Cli.Serve;

/// <summary>What <c>dray serve</c> hands the server: where to keep data, where to listen, the admin password.</summary>
internal sealed record ServeSettings(string DataDirectory, string Listen, string? AdminPassword);
