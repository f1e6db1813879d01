using Dray.Cli.Infrastructure;
using Dray.Core.Manifests;
using Dray.Core.Resources;
using Dray.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Dray.Cli.Serve;

/// <summary>Applies the embedded demo project (<c>Demo/kargo-demo.yaml</c>) through the normal apply pipeline, once.</summary>
internal static class DemoProject
{
    public const string Name = "kargo-demo";

    private const string ResourceName = "Dray.Cli.Serve.Demo.kargo-demo.yaml";

    public static async Task EnsureAsync(IServiceProvider services, CliContext ctx, CancellationToken ct)
    {
        var store = services.GetRequiredService<IResourceStore>();
        if (await store.GetAsync(new ResourceKey(ResourceKinds.Project.Kind, null, Name), ct).ConfigureAwait(false) is not null)
        {
            await ctx.Out.WriteLineAsync($"demo project: {Name} (already present)").ConfigureAwait(false);
            return;
        }

        var applier = new ManifestApplier(store, services.GetRequiredService<IManifestSchemaProvider>());
        var report = await applier.ApplyAsync([new ManifestSource("kargo-demo.yaml", ReadManifest())], new ApplyOptions(), ct).ConfigureAwait(false);
        await ctx.Out.WriteLineAsync($"demo project: {Name} ({report.Results.Count} resources created)").ConfigureAwait(false);
    }

    internal static string ReadManifest()
    {
        using var stream = typeof(DemoProject).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The demo manifest {ResourceName} is not embedded in the dray assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
