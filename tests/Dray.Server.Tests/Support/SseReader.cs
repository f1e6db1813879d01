namespace Dray.Server.Tests.Support;

/// <summary>Reads server-sent events (and comment lines) from an open response stream.</summary>
public sealed class SseReader(Stream stream) : IDisposable
{
    private readonly StreamReader _reader = new(stream);

    public sealed record Event(string? Id, string? Type, string? Data);

    /// <summary>The next event, skipping comments; counts the comments seen on the way.</summary>
    public async Task<Event> NextEventAsync(CancellationToken cancellationToken)
    {
        string? id = null, type = null, data = null;
        while (true)
        {
            var line = await _reader.ReadLineAsync(cancellationToken) ?? throw new EndOfStreamException("stream closed");
            if (line.StartsWith(':'))
            {
                Comments++;
                continue;
            }

            if (line.Length == 0)
            {
                if (id is not null || type is not null || data is not null)
                {
                    return new Event(id, type, data);
                }

                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? "" : line[(colon + 1)..].TrimStart(' ');
            switch (field)
            {
                case "id": id = value; break;
                case "event": type = value; break;
                case "data": data = data is null ? value : data + "\n" + value; break;
            }
        }
    }

    public async Task<string> NextLineAsync(CancellationToken cancellationToken) =>
        await _reader.ReadLineAsync(cancellationToken) ?? throw new EndOfStreamException("stream closed");

    public int Comments { get; private set; }

    public void Dispose() => _reader.Dispose();
}
