using Dray.Cli.Infrastructure;
using Dray.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Dray.Cli.Serve;

/// <summary>
/// The only type of the CLI that may touch Dray.Server (and so ASP.NET). Keeping it apart means the JIT never loads
/// the web stack for client commands, which keeps <c>dray get</c> fast.
/// </summary>
internal static class ServerLauncher
{
    public static async Task<int> RunAsync(ServeSettings settings, CliContext ctx, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var options = new DrayServerOptions
        {
            DataDirectory = settings.DataDirectory,
            ListenAddress = settings.Listen,
            AdminPassword = settings.AdminPassword,
            ExternalUrl = settings.ExternalUrl,
        };
        WebApplication app;
        try
        {
            app = DrayServer.Build(options, ctx.Out);
        }
        catch (OptionsValidationException ex)
        {
            throw new CliException(ex.Message, ExitCodes.Usage);
        }

        await using (app.ConfigureAwait(false))
        {
            try
            {
                await app.StartAsync(ct).ConfigureAwait(false);
            }
            catch (OptionsValidationException ex)
            {
                throw new CliException(ex.Message, ExitCodes.Usage);
            }

            await ctx.Error.WriteLineAsync($"dray: serving on {string.Join(", ", app.Urls)} (data in {settings.DataDirectory})").ConfigureAwait(false);
            if (settings.Demo)
            {
                await DemoProject.EnsureAsync(app.Services, ctx, ct).ConfigureAwait(false);
            }

            // Returns on SIGTERM/SIGINT (the host's console lifetime) or when the caller cancels.
            await app.WaitForShutdownAsync(ct).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }
}
