using Dray.Core.Storage;
using Dray.TestKit.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Dray.Storage.Sqlite.Tests;

public sealed class SqliteStoreServiceCollectionExtensionsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("dray-store-di-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Registers_one_store_that_uses_the_registered_clock_and_is_disposed_with_the_container()
    {
        var path = Path.Combine(_directory, "nested", "dray.db");
        var time = new FakeTimeProvider(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));
        var services = new ServiceCollection().AddSingleton<TimeProvider>(time).AddSqliteResourceStore(o => o.DatabasePath = path);

        await using (var provider = services.BuildServiceProvider())
        {
            var store = provider.GetRequiredService<IResourceStore>();
            store.ShouldBeSameAs(provider.GetRequiredService<IResourceStore>());
            store.ShouldBeOfType<SqliteResourceStore>().ShouldBeSameAs(provider.GetRequiredService<SqliteResourceStore>());

            var created = await store.CreateAsync(TestDocuments.Stage("p1", "dev"), CancellationToken.None);
            ((string?)created.Metadata["creationTimestamp"]).ShouldBe("2030-01-02T03:04:05Z");
        }

        await using var reopened = new SqliteResourceStore(new SqliteStoreOptions { DatabasePath = path }, time);
        (await reopened.GetRevisionAsync(CancellationToken.None)).ShouldBe(1);
    }

    [Fact]
    public void A_missing_database_path_fails_validation()
    {
        using var provider = new ServiceCollection().AddSqliteResourceStore(_ => { }).BuildServiceProvider();

        Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IResourceStore>())
            .Message.ShouldContain("DatabasePath");
    }

    [Fact]
    public void A_database_with_another_schema_version_is_refused()
    {
        var path = Path.Combine(_directory, "old.db");
        new SqliteResourceStore(new SqliteStoreOptions { DatabasePath = path }, TimeProvider.System).Dispose();
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE meta SET value = 99 WHERE key = 'schema_version';";
            command.ExecuteNonQuery();
        }

        Should.Throw<InvalidOperationException>(() => new SqliteResourceStore(new SqliteStoreOptions { DatabasePath = path }, TimeProvider.System))
            .Message.ShouldContain("schema version 99");
    }
}
