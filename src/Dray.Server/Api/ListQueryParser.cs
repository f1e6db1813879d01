namespace Dray.Server.Api;

/// <summary>Parses <c>?labelSelector=k=v,k2=v2</c>; equality only, as the store supports.</summary>
public static class ListQueryParser
{
    public static bool TryParseLabelSelector(string? text, out IReadOnlyDictionary<string, string>? selector, out string error)
    {
        selector = null;
        error = "";
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            var key = eq > 0 ? part[..eq].Trim() : "";
            var value = eq > 0 ? part[(eq + 1)..].TrimStart('=').Trim() : "";
            if (key.Length == 0 || key.EndsWith('!'))
            {
                error = $"labelSelector \"{part}\" is not key=value; only equality selectors are supported.";
                return false;
            }

            pairs[key] = value;
        }

        selector = pairs;
        return true;
    }
}
