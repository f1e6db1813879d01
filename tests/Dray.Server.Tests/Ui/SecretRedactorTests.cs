using Dray.Server.Ui.Model;

namespace Dray.Server.Tests.Ui;

public sealed class SecretRedactorTests
{
    [Theory]
    [InlineData("password")]
    [InlineData("apiKey")]
    [InlineData("GITHUB_TOKEN")]
    [InlineData("clientSecret")]
    [InlineData("Authorization")]
    public void Secret_sounding_keys_are_masked(string key)
    {
        var json = SecretRedactor.ToRedactedJson(UiModels.Json("""{"KEY":"value-123","nested":{"KEY":"value-456"}}""".Replace("KEY", key, StringComparison.Ordinal)));

        json.ShouldNotBeNull();
        json.ShouldNotContain("value-123");
        json.ShouldNotContain("value-456");
        json.ShouldContain(SecretRedactor.Mask);
    }

    [Fact]
    public void Ordinary_values_and_structure_stay()
    {
        var json = SecretRedactor.ToRedactedJson(UiModels.Json("""{"commit":"abc","paths":["a","b"],"count":2}"""))!;

        json.ShouldContain("\"commit\": \"abc\"");
        json.ShouldContain("\"count\": 2");
        json.ShouldContain("\"b\"");
        SecretRedactor.ToRedactedJson(null).ShouldBeNull();
    }

    [Theory]
    [InlineData("push to https://bot:hunter2@git.example/app.git failed", "push to https://bot:*** REDACTED ***@git.example/app.git failed")]
    [InlineData("no credentials in https://git.example/app.git", "no credentials in https://git.example/app.git")]
    public void Credentials_in_urls_are_masked(string text, string expected) => SecretRedactor.RedactText(text).ShouldBe(expected);
}
