using System.Runtime.CompilerServices;
using System.Text;

namespace Dray.Client;

/// <summary>One dispatched server-sent event.</summary>
internal sealed record SseMessage(string? Id, string Event, string Data);

/// <summary>Reads a text/event-stream per the WHATWG rules that matter here: id, event, multi-line data, comments.</summary>
internal static class SseReader
{
    public static async IAsyncEnumerable<SseMessage> ReadAsync(TextReader reader, [EnumeratorCancellation] CancellationToken ct)
    {
        string? id = null;
        var eventType = "message";
        var data = new StringBuilder();
        var hasData = false;
        while (await reader.ReadLineAsync(ct).ConfigureAwait(false) is { } line)
        {
            if (line.Length == 0)
            {
                if (hasData)
                {
                    yield return new SseMessage(id, eventType, data.ToString());
                }

                eventType = "message";
                data.Clear();
                hasData = false;
                continue;
            }

            if (line[0] == ':')
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? "" : line[(colon + 1)..];
            if (value.StartsWith(' '))
            {
                value = value[1..];
            }

            switch (field)
            {
                case "id":
                    id = value;
                    break;
                case "event":
                    eventType = value;
                    break;
                case "data":
                    if (hasData)
                    {
                        data.Append('\n');
                    }

                    data.Append(value);
                    hasData = true;
                    break;
            }
        }
    }
}
