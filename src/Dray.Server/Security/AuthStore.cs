using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Dray.Server.Security;

/// <summary>
/// Credentials live in their own SQLite file, <c>auth.db</c> in the data directory, apart from the resource store, so
/// that they never enter the change feed, watch streams or list output. It holds the admin password hash, API tokens
/// and login sessions; tokens and sessions are stored only as SHA-256 hashes.
/// </summary>
public sealed class AuthStore(string databasePath, TimeProvider timeProvider)
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath }.ToString();

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, """
            PRAGMA journal_mode=WAL;
            CREATE TABLE IF NOT EXISTS admin_password (id INTEGER PRIMARY KEY CHECK (id = 1), hash TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS api_tokens (name TEXT PRIMARY KEY, role TEXT NOT NULL, project TEXT, token_hash TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS sessions (token_hash TEXT PRIMARY KEY, subject TEXT NOT NULL, expires_at INTEGER NOT NULL);
            """, [], cancellationToken).ConfigureAwait(false);
    }

    public async Task<string?> GetAdminPasswordHashAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT hash FROM admin_password WHERE id = 1";
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    public async Task SetAdminPasswordHashAsync(string hash, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, "INSERT INTO admin_password (id, hash) VALUES (1, $hash) ON CONFLICT(id) DO UPDATE SET hash = excluded.hash",
            [("$hash", hash)], cancellationToken).ConfigureAwait(false);
    }

    /// <returns>False when a token with that name exists.</returns>
    public async Task<bool> TryAddTokenAsync(ApiTokenInfo info, string tokenHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(info);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await ExecuteAsync(connection,
            "INSERT INTO api_tokens (name, role, project, token_hash, created_at) VALUES ($name, $role, $project, $hash, $created) ON CONFLICT(name) DO NOTHING",
            [("$name", info.Name), ("$role", info.Role.ToName()), ("$project", info.Project), ("$hash", tokenHash),
             ("$created", info.CreatedAt.ToString("O", CultureInfo.InvariantCulture))],
            cancellationToken).ConfigureAwait(false);
        return rows == 1;
    }

    public async Task<bool> DeleteTokenAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ExecuteAsync(connection, "DELETE FROM api_tokens WHERE name = $name", [("$name", name)], cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task<IReadOnlyList<ApiTokenInfo>> ListTokensAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, role, project, created_at FROM api_tokens ORDER BY name";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var tokens = new List<ApiTokenInfo>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            tokens.Add(ReadToken(reader));
        }

        return tokens;
    }

    public async Task AddSessionAsync(string tokenHash, string subject, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, "DELETE FROM sessions WHERE expires_at <= $now",
            [("$now", timeProvider.GetUtcNow().ToUnixTimeSeconds())], cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, "INSERT INTO sessions (token_hash, subject, expires_at) VALUES ($hash, $subject, $expires)",
            [("$hash", tokenHash), ("$subject", subject), ("$expires", expiresAt.ToUnixTimeSeconds())], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Resolves a token hash to the identity it stands for: a live session (admin) or an API token.</summary>
    public async Task<DrayIdentity?> ResolveAsync(string tokenHash, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (var session = connection.CreateCommand())
        {
            session.CommandText = "SELECT subject FROM sessions WHERE token_hash = $hash AND expires_at > $now";
            session.Parameters.AddWithValue("$hash", tokenHash);
            session.Parameters.AddWithValue("$now", timeProvider.GetUtcNow().ToUnixTimeSeconds());
            if (await session.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string subject)
            {
                return new DrayIdentity(subject, Role.Admin, null);
            }
        }

        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, role, project, created_at FROM api_tokens WHERE token_hash = $hash";
        command.Parameters.AddWithValue("$hash", tokenHash);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var token = ReadToken(reader);
        return new DrayIdentity(token.Name, token.Role, token.Project);
    }

    private static ApiTokenInfo ReadToken(SqliteDataReader reader) => new(
        reader.GetString(0),
        RoleNames.TryParse(reader.GetString(1), out var role) ? role.Value : Role.Viewer,
        reader.IsDBNull(2) ? null : reader.GetString(2),
        DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    private static async Task<int> ExecuteAsync(SqliteConnection connection, string sql, IReadOnlyList<(string Name, object? Value)> parameters, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
