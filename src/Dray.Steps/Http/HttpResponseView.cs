using System.Net.Http.Headers;
using Dray.Core.Expressions;

namespace Dray.Steps.Http;

/// <summary>
/// <c>response</c> in the step's expressions: <c>status</c>, <c>headers</c> (name to list of values),
/// <c>header(name)</c> (the first value, or "") and <c>body</c> (parsed JSON when it is JSON, else the text).
/// </summary>
internal sealed class HttpResponseView(int status, IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> headers, object? body)
    : IExpressionObject
{
    public string TypeName => "Response";

    public static HttpResponseView From(HttpResponseMessage response, object? body)
    {
        ArgumentNullException.ThrowIfNull(response);
        var headers = Merge(response.Headers).Concat(Merge(response.Content.Headers)).ToList();
        return new HttpResponseView((int)response.StatusCode, headers, body);
    }

    public bool TryGetMember(string name, out object? value)
    {
        value = name switch
        {
            "status" => (long)status,
            "headers" => Headers(),
            "body" => body,
            "header" => new ExpressionFunction("header", Header),
            _ => null,
        };
        return name is "status" or "headers" or "body" or "header";
    }

    public IEnumerable<KeyValuePair<string, object?>> JsonFields()
    {
        yield return KeyValuePair.Create("status", (object?)(long)status);
        yield return KeyValuePair.Create("headers", (object?)Headers());
        yield return KeyValuePair.Create("body", body);
    }

    private ExpressionMap Headers() =>
        new(headers.Select(h => KeyValuePair.Create(h.Key, (object?)h.Value.Cast<object?>().ToList())));

    private string Header(IReadOnlyList<object?> arguments)
    {
        if (arguments is not [string name])
        {
            throw new ExpressionException("header(name) takes one string argument");
        }

        var values = headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
        return values is { Count: > 0 } ? values[0] : "";
    }

    private static IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> Merge(HttpHeaders headers) =>
        headers.Select(h => KeyValuePair.Create(h.Key, (IReadOnlyList<string>)h.Value.ToList()));
}
