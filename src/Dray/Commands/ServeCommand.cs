using System.CommandLine;
using Dray.Cli.Infrastructure;
using Dray.Cli.Serve;

namespace Dray.Cli.Commands;

/// <summary><c>dray serve [--data DIR] [--listen HOST:PORT] [--admin-password P] [--external-url URL]</c>: runs the server in this process.</summary>
internal static class ServeCommand
{
    public const string DefaultListen = "127.0.0.1:8080";

    public static Command Create(CliContext ctx)
    {
        var data = new Option<string?>("--data") { Description = "The data directory (default: $DRAY_DATA, else ~/.local/share/dray)" };
        var listen = new Option<string?>("--listen") { Description = $"HOST:PORT to listen on (default: $DRAY_LISTEN, else {DefaultListen})" };
        var password = new Option<string?>("--admin-password") { Description = "The admin password (default: $DRAY_ADMIN_PASSWORD)" };
        var externalUrl = new Option<string?>("--external-url")
        {
            Description = "The URL senders reach this server at; webhook receiver URLs start with it (default: $DRAY_EXTERNAL_URL, else the listen address)",
        };
        var command = new Command("serve", "Run the Dray server: API, UI and controllers") { data, listen, password, externalUrl };
        command.SetAction((parseResult, ct) => CommandRunner.RunAsync(ctx, () =>
        {
            var settings = Resolve(ctx, parseResult.GetValue(data), parseResult.GetValue(listen), parseResult.GetValue(password), parseResult.GetValue(externalUrl));
            return ServerLauncher.RunAsync(settings, ctx, ct);
        }, ct));
        return command;
    }

    public static ServeSettings Resolve(CliContext ctx, string? data, string? listen, string? password, string? externalUrl = null)
    {
        var dataDir = NonEmpty(data) ?? NonEmpty(ctx.GetEnvironment("DRAY_DATA"))
            ?? Path.Combine(NonEmpty(ctx.GetEnvironment("XDG_DATA_HOME")) ?? Path.Combine(ctx.HomeDirectory, ".local", "share"), "dray");
        return new ServeSettings(
            Path.GetFullPath(dataDir, ctx.WorkingDirectory),
            NonEmpty(listen) ?? NonEmpty(ctx.GetEnvironment("DRAY_LISTEN")) ?? DefaultListen,
            NonEmpty(password) ?? NonEmpty(ctx.GetEnvironment("DRAY_ADMIN_PASSWORD")),
            ExternalUrl: NonEmpty(externalUrl) ?? NonEmpty(ctx.GetEnvironment("DRAY_EXTERNAL_URL")));
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
