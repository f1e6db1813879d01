using Dray.Core.Model.Common;
using Dray.Core.Model.Projects;
using Dray.Core.Webhooks;

namespace Dray.Server.Tests.Webhooks;

/// <summary>Receiver URLs: derived from the secret, deterministic, published in ProjectConfig status.</summary>
public sealed class WebhookReceiverStatusTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 15, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_token_is_a_sha256_of_project_receiver_and_secret_and_changes_with_each()
    {
        var token = WebhookReceiverPath.Token("demo", "gh", "s3cret");

        token.ShouldMatch("^[0-9a-f]{64}$");
        WebhookReceiverPath.Token("demo", "gh", "s3cret").ShouldBe(token);
        WebhookReceiverPath.Token("demo", "gh", "rotated").ShouldNotBe(token);
        WebhookReceiverPath.Token("other", "gh", "s3cret").ShouldNotBe(token);
        WebhookReceiverPath.Token("demo", "gl", "s3cret").ShouldNotBe(token);
        token.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("demoghs3cret"u8.ToArray())));
        WebhookReceiverPath.For("github", "demo", "gh", "s3cret").ShouldBe($"/webhooks/github/{token}");
    }

    [Fact]
    public void Status_lists_each_receiver_with_its_path_and_url()
    {
        var config = Config(Receiver("gh", r => r with { GitHub = Secret("gh-secret") }), Receiver("harbor", r => r with { Harbor = Secret("harbor-secret") }));
        var secrets = Secrets(("gh-secret", "secret", "one"), ("harbor-secret", "auth-header", "Basic abc"));

        var status = WebhookReceiverStatusCalculator.Compute(config, secrets, "https://dray.example.com/", Now);

        var github = WebhookReceiverPath.For("github", "demo", "gh", "one");
        var harbor = WebhookReceiverPath.For("harbor", "demo", "harbor", "Basic abc");
        status.WebhookReceivers.ShouldBe(
        [
            new WebhookReceiverDetails { Name = "gh", Path = github, Url = "https://dray.example.com" + github },
            new WebhookReceiverDetails { Name = "harbor", Path = harbor, Url = "https://dray.example.com" + harbor },
        ]);
        status.Conditions.ShouldNotBeNull().Single().Status.ShouldBe(ConditionStatus.True);
    }

    [Fact]
    public void A_missing_secret_or_key_is_named_in_the_condition_without_any_value()
    {
        var config = Config(
            Receiver("gh", r => r with { GitHub = Secret("absent") }),
            Receiver("gl", r => r with { GitLab = Secret("gl-secret") }));
        var secrets = Secrets(("gl-secret", "secret", "wrong-key-value"));
        secrets["absent"] = null;

        var status = WebhookReceiverStatusCalculator.Compute(config, secrets, "http://127.0.0.1:8080", Now);

        status.WebhookReceivers.ShouldNotBeNull().ShouldAllBe(r => r.Path == null && r.Url == null);
        var condition = status.Conditions.ShouldNotBeNull().Single();
        condition.Status.ShouldBe(ConditionStatus.False);
        condition.Message.ShouldContain("Secret \"absent\" not found");
        condition.Message.ShouldContain("Secret \"gl-secret\" has no \"secret-token\" key");
        condition.Message.ShouldNotContain("wrong-key-value");
    }

    [Fact]
    public void Recomputing_an_unchanged_config_gives_the_same_status()
    {
        var config = Config(Receiver("gh", r => r with { GitHub = Secret("gh-secret") }));
        var secrets = Secrets(("gh-secret", "secret", "one"));
        var first = WebhookReceiverStatusCalculator.Compute(config, secrets, "http://h", Now);

        var second = WebhookReceiverStatusCalculator.Compute(config with { Status = first }, secrets, "http://h", Now.AddHours(1));

        System.Text.Json.JsonSerializer.Serialize(second, Dray.Core.Model.KargoJson.Options)
            .ShouldBe(System.Text.Json.JsonSerializer.Serialize(first, Dray.Core.Model.KargoJson.Options));
    }

    private static ProjectConfig Config(params WebhookReceiverConfig[] receivers) => new()
    {
        Metadata = new ObjectMeta { Name = "demo", Namespace = "demo", Generation = 3 },
        Spec = new ProjectConfigSpec { WebhookReceivers = receivers },
    };

    private static WebhookReceiverConfig Receiver(string name, Func<WebhookReceiverConfig, WebhookReceiverConfig> configure) =>
        configure(new WebhookReceiverConfig { Name = name });

    private static SecretWebhookReceiver Secret(string name) => new() { SecretRef = new LocalObjectReference { Name = name } };

    private static Dictionary<string, IReadOnlyDictionary<string, string>?> Secrets(params (string Name, string Key, string Value)[] secrets) =>
        secrets.ToDictionary(s => s.Name, s => (IReadOnlyDictionary<string, string>?)new Dictionary<string, string> { [s.Key] = s.Value });
}
