using System.CommandLine;
using System.Globalization;
using Dray.Cli.Infrastructure;
using Dray.Cli.Serve;
using Dray.Sources.Oci;

namespace Dray.Cli.Commands;

/// <summary><c>dray serve [--data DIR] [--listen HOST:PORT] [--admin-password P] [--external-url URL] [--argocd-url URL]</c>: runs the server in this process.</summary>
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
        var argoCdUrl = new Option<string?>("--argocd-url")
        {
            Description = "The Argo CD API server the argocd-update step talks to (default: $DRAY_ARGOCD_URL); the token is read from $DRAY_ARGOCD_TOKEN",
        };
        var argoCdInsecure = new Option<bool>("--argocd-insecure-skip-tls-verify") { Description = "Accept any TLS certificate from Argo CD" };
        var cacheByTag = new Option<string?>("--cache-by-tag-policy")
        {
            Description = "What image subscriptions may do with cacheByTag: Allow (default), Forbid, Require or Force (default: $DRAY_CACHE_BY_TAG_POLICY)",
        };
        var command = new Command("serve", "Run the Dray server: API, UI and controllers") { data, listen, password, externalUrl, argoCdUrl, argoCdInsecure, cacheByTag };
        command.SetAction((parseResult, ct) => CommandRunner.RunAsync(ctx, () =>
        {
            var settings = Resolve(ctx, parseResult.GetValue(data), parseResult.GetValue(listen), parseResult.GetValue(password), parseResult.GetValue(externalUrl))
                with
                {
                    ArgoCd = ResolveArgoCd(ctx, parseResult.GetValue(argoCdUrl), parseResult.GetValue(argoCdInsecure)),
                    CacheByTagPolicy = ResolveCacheByTagPolicy(ctx, parseResult.GetValue(cacheByTag)),
                };
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
            ExternalUrl: NonEmpty(externalUrl) ?? NonEmpty(ctx.GetEnvironment("DRAY_EXTERNAL_URL")),
            FaultExitAfterStep: StepNumber(ctx, "DRAY_FAULTS_EXIT_AFTER_STEP"),
            FaultExitBeforeSavingStep: StepNumber(ctx, "DRAY_FAULTS_EXIT_BEFORE_SAVING_STEP"));
    }

    /// <summary>The Argo CD settings from the flag, else <c>$DRAY_ARGOCD_URL</c>; null when neither is set.</summary>
    public static ArgoCdServerSettings? ResolveArgoCd(CliContext ctx, string? url, bool insecureSkipTlsVerify)
    {
        var text = NonEmpty(url) ?? NonEmpty(ctx.GetEnvironment("DRAY_ARGOCD_URL"));
        if (text is null)
        {
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var server) || (server.Scheme != Uri.UriSchemeHttp && server.Scheme != Uri.UriSchemeHttps))
        {
            throw new CliException($"--argocd-url must be an http(s) URL, got \"{text}\".", ExitCodes.Usage);
        }

        return new ArgoCdServerSettings(server, NonEmpty(ctx.GetEnvironment("DRAY_ARGOCD_TOKEN")), insecureSkipTlsVerify);
    }

    /// <summary>The policy from the flag, else <c>$DRAY_CACHE_BY_TAG_POLICY</c>, else Allow; names are case-insensitive.</summary>
    public static CacheByTagPolicy ResolveCacheByTagPolicy(CliContext ctx, string? flag)
    {
        var text = NonEmpty(flag) ?? NonEmpty(ctx.GetEnvironment("DRAY_CACHE_BY_TAG_POLICY"));
        if (text is null)
        {
            return CacheByTagPolicy.Allow;
        }

        return text.All(char.IsAsciiLetter) && Enum.TryParse<CacheByTagPolicy>(text, ignoreCase: true, out var policy)
            ? policy
            : throw new CliException($"--cache-by-tag-policy must be Allow, Forbid, Require or Force, got \"{text}\".", ExitCodes.Usage);
    }

    /// <summary>A test-only fault injection setting: a 1-based step number, or null when unset.</summary>
    private static int? StepNumber(CliContext ctx, string variable)
    {
        var text = NonEmpty(ctx.GetEnvironment(variable));
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var step) && step >= 1
            ? step
            : throw new CliException($"{variable} must be a step number (1 or more), got \"{text}\".", ExitCodes.Usage);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
