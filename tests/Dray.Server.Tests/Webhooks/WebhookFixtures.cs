using System.Text;
using Dray.Server.Webhooks;

namespace Dray.Server.Tests.Webhooks;

/// <summary>Provider payloads from Fixtures/ (each opens with comment lines naming the documentation it follows).</summary>
internal static class WebhookFixtures
{
    public static byte[] Load(string name)
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Webhooks", "Fixtures", name));
        return Encoding.UTF8.GetBytes(string.Join('\n', lines.SkipWhile(l => l.StartsWith("//", StringComparison.Ordinal))));
    }

    public static WebhookRequest Request(byte[] body, params (string Name, string Value)[] headers) =>
        new(headers.Select(h => KeyValuePair.Create(h.Name, new[] { h.Value })), body);

    /// <summary>The headers a provider sends with a delivery of <paramref name="body"/>, signed with <paramref name="secret"/>.</summary>
    public static (string Name, string Value)[] SignedHeaders(string type, string eventName, byte[] body, string secret) => type switch
    {
        "github" => [("X-GitHub-Event", eventName), ("X-Hub-Signature-256", "sha256=" + WebhookSignature.HmacSha256Hex(body, secret))],
        "gitlab" => [("X-Gitlab-Event", eventName), ("X-Gitlab-Token", secret)],
        "gitea" => [("X-Gitea-Event", eventName), ("X-Gitea-Signature", WebhookSignature.HmacSha256Hex(body, secret))],
        "bitbucket" => [("X-Event-Key", eventName), ("X-Hub-Signature", "sha256=" + WebhookSignature.HmacSha256Hex(body, secret))],
        "harbor" => [("Authorization", secret)],
        "artifactory" => [("X-JFrog-Event-Auth", WebhookSignature.HmacSha256Hex(body, secret))],
        _ => [],
    };
}
