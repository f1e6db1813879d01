using Dray.Cli.Infrastructure;
using Dray.Server;
using Dray.Steps.ArgoCd;
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
            AllowFileGitUrls = settings.Demo,
            ExternalUrl = settings.ExternalUrl,
            CacheByTagPolicy = settings.CacheByTagPolicy,
            ArgoCd = settings.ArgoCd is { } argoCd
                ? new ArgoCdStepOptions { Server = argoCd.Server, Token = argoCd.Token, InsecureSkipTlsVerify = argoCd.InsecureSkipTlsVerify }
                : new ArgoCdStepOptions(),
            Faults = { ExitAfterStep = settings.FaultExitAfterStep, ExitBeforeSavingStep = settings.FaultExitBeforeSavingStep },
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
            if (options.Faults.Any)
            {
                await ctx.Error.WriteLineAsync(
                    $"dray: TEST-ONLY fault injection: the server kills itself at step {options.Faults.ExitAfterStep ?? options.Faults.ExitBeforeSavingStep} of a Promotion").ConfigureAwait(false);
            }

            using var stopPublishing = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var publishing = Task.CompletedTask;
            if (settings.Demo)
            {
                var repositories = new DemoRepositories(settings.DataDirectory);
                await DemoProject.EnsureAsync(app.Services, repositories, DemoProject.LocalUrl(settings.Listen), ctx, ct).ConfigureAwait(false);
                if (settings.PublishEvery is { } every)
                {
                    await ctx.Out.WriteLineAsync($"demo: publishing a new demo-app version every {Core.Durations.GoDuration.Format(every)}").ConfigureAwait(false);
                    publishing = DemoPublisher.RunAsync(
                        repositories, every, (tag, token) => DemoProject.RefreshWarehouseAsync(app.Services, tag, token), TimeProvider.System, ctx, stopPublishing.Token);
                }
            }

            // Returns on SIGTERM/SIGINT (the host's console lifetime) or when the caller cancels.
            await app.WaitForShutdownAsync(ct).ConfigureAwait(false);
            await stopPublishing.CancelAsync().ConfigureAwait(false);
            await publishing.ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }
}
