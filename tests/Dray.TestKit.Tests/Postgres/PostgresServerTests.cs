using Dray.TestKit.Postgres;
using Npgsql;

namespace Dray.TestKit.Tests.Postgres;

public sealed class PostgresServerTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    [SkippableFact]
    public async Task Created_database_accepts_connections_and_keeps_rows()
    {
        var connectionString = await server.CreateDatabaseAsync("smoke");
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();

        await using (var create = new NpgsqlCommand("CREATE TABLE items (id int PRIMARY KEY, name text NOT NULL)", connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        await using (var insert = new NpgsqlCommand("INSERT INTO items VALUES (1, 'a'), (2, 'b')", connection))
        {
            (await insert.ExecuteNonQueryAsync()).ShouldBe(2);
        }

        await using var count = new NpgsqlCommand("SELECT string_agg(name, ',' ORDER BY id) FROM items", connection);
        (await count.ExecuteScalarAsync()).ShouldBe("a,b");
        (await server.PsqlAsync("SELECT datname FROM pg_database WHERE datname = 'smoke'")).ShouldBe("smoke");
    }

    [SkippableFact]
    public async Task Server_listens_only_on_loopback()
    {
        var addresses = await server.PsqlAsync("SHOW listen_addresses");

        addresses.ShouldBe("127.0.0.1");
    }
}
