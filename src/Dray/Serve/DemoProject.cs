using Dray.Cli.Infrastructure;
using Dray.Core.Manifests;
using Dray.Core.Model.Common;
using Dray.Core.Resources;
using Dray.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Dray.Cli.Serve;

/// <summary>
/// The quickstart's demo: creates the local repositories (<see cref="DemoRepositories"/>), then applies the embedded
/// project (<c>Demo/kargo-demo.yaml</c>) pointed at them through the normal apply pipeline, once.
/// </summary>
internal static class DemoProject
{
    public const string Name = "kargo-demo";

    public const string WarehouseName = "demo-app";

    private const string ResourceName = "Dray.Cli.Serve.Demo.kargo-demo.yaml";

    public static async Task EnsureAsync(IServiceProvider services, DemoRepositories repositories, string drayUrl, CliContext ctx, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(repositories);
        if (await repositories.EnsureAsync(ct).ConfigureAwait(false))
        {
            await ctx.Out.WriteLineAsync($"demo repositories: {repositories.AppUrl} (tag {DemoRepositories.FirstVersion}), {repositories.GitOpsUrl}").ConfigureAwait(false);
        }

        var store = services.GetRequiredService<IResourceStore>();
        if (await store.GetAsync(new ResourceKey(ResourceKinds.Project.Kind, null, Name), ct).ConfigureAwait(false) is not null)
        {
            await ctx.Out.WriteLineAsync($"demo project: {Name} (already present)").ConfigureAwait(false);
            return;
        }

        var applier = new ManifestApplier(store, services.GetRequiredService<IManifestSchemaProvider>());
        var manifest = ReadManifest(repositories.AppUrl, repositories.GitOpsUrl, drayUrl);
        var report = await applier.ApplyAsync([new ManifestSource("kargo-demo.yaml", manifest)], new ApplyOptions(), ct).ConfigureAwait(false);
        await ctx.Out.WriteLineAsync($"demo project: {Name} ({report.Results.Count} resources created)").ConfigureAwait(false);
    }

    /// <summary>Asks the demo Warehouse to discover now (Kargo's refresh annotation), so a published tag shows at once.</summary>
    public static async Task RefreshWarehouseAsync(IServiceProvider services, string token, CancellationToken ct)
    {
        var store = services.GetRequiredService<IResourceStore>();
        var key = new ResourceKey(ResourceKinds.Warehouse.Kind, Name, WarehouseName);
        for (var attempt = 1; ; attempt++)
        {
            var document = (await store.GetAsync(key, ct).ConfigureAwait(false))?.Clone();
            if (document is null)
            {
                return;
            }

            document.SetAnnotation(KargoAnnotations.Refresh, token);
            try
            {
                await store.UpdateAsync(document, ct).ConfigureAwait(false);
                return;
            }
            catch (ResourceConflictException) when (attempt < 5)
            {
                // The reconciler wrote meanwhile; annotate its version.
            }
        }
    }

    /// <summary>The embedded manifest with the repository URLs and Dray's own URL filled in.</summary>
    internal static string ReadManifest(string appRepoUrl, string gitOpsRepoUrl, string drayUrl)
    {
        using var stream = typeof(DemoProject).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The demo manifest {ResourceName} is not embedded in the dray assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd()
            .Replace("${APP_REPO_URL}", appRepoUrl, StringComparison.Ordinal)
            .Replace("${GITOPS_REPO_URL}", gitOpsRepoUrl, StringComparison.Ordinal)
            .Replace("${DRAY_URL}", drayUrl.TrimEnd('/'), StringComparison.Ordinal);
    }

    /// <summary>The URL the demo's analysis calls: the listen address, with a wildcard host replaced by loopback.</summary>
    internal static string LocalUrl(string listen)
    {
        var colon = listen.LastIndexOf(':');
        var host = colon > 0 ? listen[..colon] : listen;
        var port = colon > 0 ? listen[(colon + 1)..] : "80";
        host = host is "0.0.0.0" or "*" or "+" or "[::]" or "" ? "127.0.0.1" : host;
        return $"http://{host}:{port}";
    }
}
