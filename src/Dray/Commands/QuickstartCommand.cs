using System.CommandLine;
using System.Security.Cryptography;
using Dray.Cli.Infrastructure;
using Dray.Cli.Serve;
using Dray.Core.Durations;

namespace Dray.Cli.Commands;

/// <summary>
/// <c>dray quickstart [--data DIR] [--listen HOST:PORT] [--admin-password P] [--publish-every D]</c>: the README's first
/// command. Runs the server on its embedded default (SQLite in <c>./.dray</c>, 127.0.0.1:8080) with the offline demo
/// (local app and GitOps repositories, see <see cref="DemoRepositories"/>), and prints the URL
/// and an admin password. Only the password's hash is stored, so without <c>--admin-password</c> every start sets and
/// prints a fresh one.
/// </summary>
internal static class QuickstartCommand
{
    public const string DefaultData = ".dray";

    public static Command Create(CliContext ctx)
    {
        var data = new Option<string?>("--data") { Description = $"The data directory (default: ./{DefaultData})" };
        var listen = new Option<string?>("--listen") { Description = $"HOST:PORT to listen on (default: {ServeCommand.DefaultListen})" };
        var password = new Option<string?>("--admin-password") { Description = "The admin password (default: a new random one, printed)" };
        var publish = new Option<string?>("--publish-every") { Description = "Tag a new demo-app version this often (a duration such as 3m), to watch Freight flow" };
        var command = new Command("quickstart", "Run Dray locally with SQLite and the demo project, and print the URL and admin password")
        {
            data, listen, password, publish,
        };
        command.SetAction((parseResult, ct) => CommandRunner.RunAsync(ctx, async () =>
        {
            var listenAddress = parseResult.GetValue(listen) ?? ServeCommand.DefaultListen;
            TimeSpan? publishEvery = null;
            if (parseResult.GetValue(publish) is { } text)
            {
                publishEvery = GoDuration.TryParse(text, out var every) && every >= TimeSpan.FromSeconds(10)
                    ? every
                    : throw new CliException($"--publish-every: \"{text}\" is not a duration of at least 10s (for example 3m)", ExitCodes.Usage);
            }

            var adminPassword = parseResult.GetValue(password) ?? NewPassword();
            var settings = new ServeSettings(
                Path.GetFullPath(parseResult.GetValue(data) ?? DefaultData, ctx.WorkingDirectory),
                listenAddress,
                adminPassword,
                Demo: true,
                PublishEvery: publishEvery);
            await ctx.Out.WriteLineAsync($"Dray: http://{listenAddress}/").ConfigureAwait(false);
            await ctx.Out.WriteLineAsync($"admin password: {adminPassword}").ConfigureAwait(false);
            await ctx.Out.WriteLineAsync($"log in from another shell: ./dray login http://{listenAddress} --admin --password '{adminPassword}'").ConfigureAwait(false);
            return await ServerLauncher.RunAsync(settings, ctx, ct).ConfigureAwait(false);
        }, ct));
        return command;
    }

    private static string NewPassword() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
}
