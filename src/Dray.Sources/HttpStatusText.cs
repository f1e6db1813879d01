using System.Globalization;
using System.Net;
using System.Text;

namespace Dray.Sources;

/// <summary>Names an HTTP status the way people say it: <c>HTTP 503 Service Unavailable</c>.</summary>
internal static class HttpStatusText
{
    public static string Describe(HttpStatusCode status) => Describe((int)status);

    public static string Describe(int status)
    {
        var code = status.ToString(CultureInfo.InvariantCulture);
        var name = Enum.IsDefined((HttpStatusCode)status) ? ((HttpStatusCode)status).ToString() : "";
        var words = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && words.Length > 0)
            {
                words.Append(' ');
            }

            words.Append(c);
        }

        return words.Length == 0 ? $"HTTP {code}" : $"HTTP {code} {words}";
    }

    /// <summary>A few words on what a 5xx means to whoever reads the message.</summary>
    public static string ServerSide(int status) => status switch
    {
        502 or 504 => "a gateway in front of the server could not reach it",
        503 => "the server is down or overloaded",
        _ => "the server failed on its side",
    };
}
