using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dray.Core.Resources;
using Dray.Core.Storage;
using Dray.Server.Secrets;
using Dray.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Dray.Server.Tests.Secrets;

[Collection(ServerCollection.Name)]
public sealed class SecretRedactionTests(SharedServer server)
{
    private const string Password = "hunter2-Zq8vX3-do-not-leak";
    private const string Username = "deploy-bot";
    private const string RepoUrl = "https://git.example.com/team/gitops.git";

    private static object Secret(string name, string password) => new
    {
        apiVersion = "v1",
        kind = "Secret",
        metadata = new { name, labels = new Dictionary<string, string> { ["kargo.akuity.io/cred-type"] = "git" } },
        stringData = new Dictionary<string, string> { ["repoURL"] = RepoUrl, ["username"] = Username, ["password"] = password },
        data = new Dictionary<string, string> { ["token"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(password)) },
    };

    private async Task<string> CreateAsync(string project, string name)
    {
        (await server.Admin.PostAsJsonAsync("/api/v1/projects", new { metadata = new { name = project } })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var response = await server.Admin.PostAsJsonAsync($"/api/v1/projects/{project}/secrets", Secret(name, Password));
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Secret_values_are_redacted_in_every_response_except_identifying_keys()
    {
        var responses = new List<string> { await CreateAsync("sec-api", "git-creds") };
        responses.Add(await server.Admin.GetStringAsync("/api/v1/projects/sec-api/secrets/git-creds"));
        responses.Add(await server.Admin.GetStringAsync("/api/v1/projects/sec-api/secrets"));
        var conflict = await server.Admin.PostAsJsonAsync("/api/v1/projects/sec-api/secrets", Secret("git-creds", Password));
        conflict.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        responses.Add(await conflict.Content.ReadAsStringAsync());

        var secret = JsonDocument.Parse(responses[1]).RootElement;
        secret.GetProperty("stringData").GetProperty("password").GetString().ShouldBe(ResourceOutput.Redacted);
        secret.GetProperty("data").GetProperty("token").GetString().ShouldBe(ResourceOutput.Redacted);
        secret.GetProperty("stringData").GetProperty("username").GetString().ShouldBe(Username);
        secret.GetProperty("stringData").GetProperty("repoURL").GetString().ShouldBe(RepoUrl);
        foreach (var body in responses)
        {
            body.ShouldNotContain(Password);
            body.ShouldNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes(Password)));
        }
    }

    [Fact]
    public async Task Secret_values_are_encrypted_at_rest_and_readable_internally()
    {
        await CreateAsync("sec-rest", "git-creds");
        var store = server.Host.App.Services.GetRequiredService<IResourceStore>();

        var stored = await store.GetAsync(new ResourceKey("Secret", "sec-rest", "git-creds"), CancellationToken.None);
        var values = await server.Host.App.Services.GetRequiredService<ISecretReader>().ReadAsync("sec-rest", "git-creds", CancellationToken.None);

        stored!.ToJsonString().ShouldNotContain(Password);
        stored.ToJsonString().ShouldContain(SecretCipher.Prefix);
        values.ShouldNotBeNull();
        values["password"].ShouldBe(Password);
        values["token"].ShouldBe(Password);
        values["username"].ShouldBe(Username);
        foreach (var file in Directory.GetFiles(server.Host.DataDirectory, "*", SearchOption.AllDirectories))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream, Encoding.Latin1);
            (await reader.ReadToEndAsync()).ShouldNotContain(Password, customMessage: file);
        }
    }

    [Fact]
    public async Task Reapplying_an_unchanged_secret_writes_nothing()
    {
        await CreateAsync("sec-idem", "git-creds");
        var before = await server.Admin.GetFromJsonAsync<JsonElement>("/api/v1/projects/sec-idem/secrets/git-creds");

        var updated = await server.Admin.PutAsJsonAsync("/api/v1/projects/sec-idem/secrets/git-creds", Secret("git-creds", Password));

        updated.StatusCode.ShouldBe(HttpStatusCode.OK);
        var after = await updated.Content.ReadFromJsonAsync<JsonElement>();
        after.GetProperty("metadata").GetProperty("resourceVersion").GetString()
            .ShouldBe(before.GetProperty("metadata").GetProperty("resourceVersion").GetString());
    }

    [Fact]
    public async Task Secret_values_never_reach_the_logs()
    {
        await CreateAsync("sec-logs", "git-creds");
        await server.Admin.PutAsJsonAsync("/api/v1/projects/sec-logs/secrets/git-creds", Secret("git-creds", Password + "-changed"));
        await server.Admin.PutAsJsonAsync("/api/v1/projects/sec-logs/secrets/git-creds", new { kind = "Secret", metadata = new { name = "other" }, stringData = new { password = Password } });

        var logs = server.Host.Logs.Lines;

        logs.Count.ShouldBeGreaterThan(0);
        logs.ShouldAllBe(line => !line.Contains(Password, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Applied_secrets_are_redacted_and_apply_errors_do_not_echo_values()
    {
        var secret = $"""
            apiVersion: v1
            kind: Secret
            metadata:
              name: applied-creds
              namespace: sec-apply
            stringData:
              username: {Username}
              password: {Password}
            """;
        var broken = $"""
            apiVersion: v1
            kind: Secret
            metadata:
              namespace: sec-apply
            stringData:
              password: {Password}
            """;
        var failed = await server.Admin.PostAsync("/api/v1/resources", ManifestText.Files(("creds.yaml", ManifestText.Join(ManifestText.Project("sec-apply"), secret, broken))));
        var applied = await server.Admin.PostAsync("/api/v1/resources", ManifestText.Files(("creds.yaml", ManifestText.Join(ManifestText.Project("sec-apply"), secret))));
        var fetched = await server.Admin.GetStringAsync("/api/v1/projects/sec-apply/secrets/applied-creds");

        failed.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        applied.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await failed.Content.ReadAsStringAsync()).ShouldNotContain(Password);
        (await applied.Content.ReadAsStringAsync()).ShouldNotContain(Password);
        fetched.ShouldNotContain(Password);
        fetched.ShouldContain(ResourceOutput.Redacted);
        fetched.ShouldContain(Username);
        (await server.Host.App.Services.GetRequiredService<ISecretReader>().ReadAsync("sec-apply", "applied-creds", CancellationToken.None))!["password"].ShouldBe(Password);
        server.Host.Logs.Lines.ShouldAllBe(line => !line.Contains(Password, StringComparison.Ordinal));
    }
}
