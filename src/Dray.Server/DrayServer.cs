using Dray.Core.Manifests;
using Dray.Core.Storage;
using Dray.Server.Actions;
using Dray.Server.Api;
using Dray.Server.Controllers;
using Dray.Server.Hosting;
using Dray.Server.Manifests;
using Dray.Server.Secrets;
using Dray.Server.Security;
using Dray.Server.Ui;
using Dray.Server.Webhooks;
using Dray.Storage.Sqlite;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dray.Server;

/// <summary>The composition root, used by <c>dray serve</c> and by tests.</summary>
public static class DrayServer
{
    /// <param name="options">Settings; the host has already read flags and environment into them.</param>
    /// <param name="output">Where the generated admin password is printed; standard output when null.</param>
    /// <param name="configure">Last-chance changes to the builder (tests add log capture or another store here).</param>
    public static WebApplication Build(DrayServerOptions options, TextWriter? output = null, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(DrayServer).Assembly.GetName().Name });
        builder.WebHost.UseUrls($"http://{options.ListenAddress}");
        // Run from a build (not a publish) the UI's files live in the package cache and project folders; this reads
        // the build's static web assets manifest to find them. Published output has them in wwwroot and no manifest.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddDrayServer(options, output ?? Console.Out);
        // Request lines log the path, and a webhook receiver's path is its credential (docs/webhooks.md).
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        // Routing, result writing and every outgoing HTTP request (verification, registries) would drown what Dray
        // itself says about discovery, promotions and verification.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        configure?.Invoke(builder);
        if (!builder.Services.Any(d => d.ServiceType == typeof(IResourceStore)))
        {
            var databasePath = Path.Combine(Path.GetFullPath(options.DataDirectory), "dray.db");
            builder.Services.AddSqliteResourceStore(o => o.DatabasePath = databasePath);
        }

        builder.Services.DecorateResourceStore();

        var app = builder.Build();
        app.UseDrayPipeline();
        app.MapDrayEndpoints();
        return app;
    }

    public static IServiceCollection AddDrayServer(this IServiceCollection services, DrayServerOptions options, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddOptions<DrayServerOptions>().Configure(options.CopyTo).ValidateDataAnnotations().ValidateOnStart();
        var dataDirectory = Path.GetFullPath(options.DataDirectory);
        Directory.CreateDirectory(dataDirectory);

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(new ServerConsole(output));
        services.AddSingleton<ReadinessState>();
        services.AddSingleton(sp => new AuthStore(Path.Combine(dataDirectory, "auth.db"), sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService<StartupInitializer>();

        services.AddDataProtection()
            .SetApplicationName("dray")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys")));
        services.AddSingleton<SecretCipher>();
        services.AddSingleton<ResourceOutput>();
        services.AddSingleton<ISecretReader, SecretReader>();
        services.TryAddSingleton<IManifestSchemaProvider, KargoManifestSchemas>();
        services.AddSingleton<IManifestApplier, CoreManifestApplier>();
        services.AddDrayControllers(dataDirectory, options.Controllers, options.AllowFileGitUrls, options.Faults, options.ArgoCd, options.CacheByTagPolicy);
        services.AddDrayWebhooks();

        services.AddAuthentication(BearerAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BearerAuthenticationHandler>(BearerAuthenticationHandler.SchemeName, null);
        services.AddProblemDetails();
        services.AddExceptionHandler<StoreExceptionHandler>();
        services.AddOpenApi();
        services.AddDrayActions();
        services.AddDrayUi();
        return services;
    }

    /// <summary>Wraps the registered <see cref="IResourceStore"/> so Secret values are encrypted on every write path.</summary>
    public static IServiceCollection DecorateResourceStore(this IServiceCollection services)
    {
        var inner = services.LastOrDefault(d => d.ServiceType == typeof(IResourceStore))
            ?? throw new InvalidOperationException("No IResourceStore is registered; call AddSqliteResourceStore first.");
        services.Remove(inner);
        services.AddSingleton<IResourceStore>(sp => new SecretProtectingResourceStore(Resolve(sp, inner), sp.GetRequiredService<SecretCipher>()));
        return services;
    }

    public static WebApplication UseDrayPipeline(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseAuthentication();
        app.UseMiddleware<AuthorizationMiddleware>();
        app.UseAntiforgery();
        return app;
    }

    public static IEndpointRouteBuilder MapDrayEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthEndpoints();
        app.MapLoginEndpoints();
        app.MapVersionEndpoints();
        app.MapTokenEndpoints();
        app.MapResourceApplyEndpoints();
        app.MapProjectEndpoints();
        foreach (var kind in ApiRoutes.ProjectKinds)
        {
            app.MapProjectResourceEndpoints(kind);
        }

        foreach (var kind in ApiRoutes.ClusterKinds)
        {
            app.MapClusterResourceEndpoints(kind);
        }

        app.MapWatchEndpoints();
        app.MapWarehouseRefreshEndpoints();
        app.MapFreightActionEndpoints();
        app.MapStagePromotionEndpoints();
        app.MapStageVerificationEndpoints();
        app.MapWebhookEndpoints();
        app.MapWarehouseAssembleEndpoints();
        app.MapOpenApi(ApiRoutes.OpenApi);
        app.MapDrayUi();
        return app;
    }

    private static IResourceStore Resolve(IServiceProvider services, ServiceDescriptor descriptor) =>
        (IResourceStore)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));
}
