namespace Dray.Server.Hosting;

/// <summary>Standard output of the host; the only place a generated admin password is ever written.</summary>
public sealed record ServerConsole(TextWriter Out);
