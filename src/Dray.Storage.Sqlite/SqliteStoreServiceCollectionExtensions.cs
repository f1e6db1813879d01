using Dray.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dray.Storage.Sqlite;

public static class SqliteStoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SqliteResourceStore"/> as the singleton <see cref="IResourceStore"/>. The database is opened
    /// (and created or checked) when the store is first resolved; the container disposes it on shutdown.
    /// Uses the registered <see cref="TimeProvider"/>, or the system clock when none is.
    /// </summary>
    public static IServiceCollection AddSqliteResourceStore(this IServiceCollection services, Action<SqliteStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<SqliteStoreOptions>()
            .Configure(configure)
            .Validate(o => !string.IsNullOrWhiteSpace(o.DatabasePath), "SqliteStoreOptions.DatabasePath is required.")
            .Validate(o => o.ChangeRetention >= 1, "SqliteStoreOptions.ChangeRetention must be at least 1.")
            .Validate(o => o.BusyTimeout > TimeSpan.Zero, "SqliteStoreOptions.BusyTimeout must be positive.");
        services.AddSingleton(sp => new SqliteResourceStore(
            sp.GetRequiredService<IOptions<SqliteStoreOptions>>().Value,
            sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddSingleton<IResourceStore>(sp => sp.GetRequiredService<SqliteResourceStore>());
        return services;
    }
}
