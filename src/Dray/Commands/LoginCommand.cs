using System.CommandLine;
using Dray.Cli.Config;
using Dray.Cli.Infrastructure;
using Dray.Client;

namespace Dray.Cli.Commands;

/// <summary><c>dray login URL --admin [--password P]</c>: stores the server and a session token in the config file.</summary>
internal static class LoginCommand
{
    public static Command Create(CliContext ctx, GlobalOptions global)
    {
        var url = new Argument<string?>("URL") { Description = "The Dray server (default: the config file's server)", Arity = ArgumentArity.ZeroOrOne };
        var admin = new Option<bool>("--admin") { Description = "Log in as the admin user with the admin password" };
        var password = new Option<string?>("--password") { Description = "The admin password (prompted for when omitted)" };
        var command = new Command("login", "Log in to a Dray server") { url, admin, password };
        command.SetAction((parseResult, ct) => CommandRunner.RunAsync(ctx, async () =>
        {
            if (!parseResult.GetValue(admin))
            {
                throw new CliException("choose how to log in: --admin is the only method this server offers", ExitCodes.Usage);
            }

            var store = ConfigStore.For(ctx);
            var config = await store.LoadAsync(ct).ConfigureAwait(false);
            var server = parseResult.GetValue(url) ?? parseResult.GetValue(global.Server) ?? config.Server
                ?? throw new CliException("give the server URL: dray login URL --admin", ExitCodes.Usage);
            Uri uri;
            try
            {
                uri = DrayClient.ParseServer(server);
            }
            catch (FormatException ex)
            {
                throw new CliException(ex.Message, ExitCodes.Usage);
            }

            var secret = parseResult.GetValue(password) ?? await ReadPasswordAsync(ctx, ct).ConfigureAwait(false);
            using var client = new DrayClient(uri, token: null);
            Client.Models.LoginResult login;
            try
            {
                login = await client.LoginAsync(secret, ct).ConfigureAwait(false);
            }
            catch (DrayApiException ex) when (ex.Status == System.Net.HttpStatusCode.Unauthorized)
            {
                throw new CliException($"login to {uri.AbsoluteUri.TrimEnd('/')} failed: {ex.Message}");
            }

            await store.SaveAsync(config with { Server = uri.AbsoluteUri.TrimEnd('/'), Token = login.Token }, ct).ConfigureAwait(false);
            await ctx.Out.WriteLineAsync($"Logged in to {uri.AbsoluteUri.TrimEnd('/')} as admin").ConfigureAwait(false);
            return ExitCodes.Success;
        }, ct));
        return command;
    }

    private static async Task<string> ReadPasswordAsync(CliContext ctx, CancellationToken ct)
    {
        if (ctx.InputIsTerminal)
        {
            return PasswordPrompt.Read("Admin password: ");
        }

        // Piped input: the first line is the password, so scripts can `echo "$PW" | dray login URL --admin`.
        var line = await ctx.In.ReadLineAsync(ct).ConfigureAwait(false);
        return string.IsNullOrEmpty(line)
            ? throw new CliException("no password: pass --password, or run in a terminal to be prompted", ExitCodes.Usage)
            : line;
    }
}
