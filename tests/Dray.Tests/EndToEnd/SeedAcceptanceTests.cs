using System.Text.Json.Nodes;

namespace Dray.Tests.EndToEnd;

/// <summary>
/// The acceptance criteria of the foundation (issue 2): the seed's Kargo 0.3.1 manifests through <c>dray serve</c> and
/// the real CLI, with a temp data directory per test.
/// </summary>
public sealed class SeedAcceptanceTests : IAsyncLifetime
{
    private const string Password = "acceptance-admin-password";
    private const string GitOpsRepo = "https://git.example.com/team/gitops.git";
    private static readonly string[] ServerFields = ["uid", "resourceVersion", "creationTimestamp", "generation"];
    private readonly CliHarness _cli = new();
    private ServeRunner _server = null!;

    private string DataDirectory => Path.Combine(_cli.Home, "data");

    public async Task InitializeAsync()
    {
        _server = await ServeRunner.StartAsync(_cli.Home, DataDirectory, Password);
        await Ok("login", _server.Url, "--admin", "--password", Password);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _cli.Dispose();
    }

    [Fact]
    public async Task Seed_after_envsubst_applies_and_lists_dev_uat_prod_with_steps()
    {
        var seed = WriteFixture("seed.yaml", substitute: true);

        var applied = await Ok("apply", "-f", seed);

        applied.Out.ShouldContain("stage/dev created");
        var names = await Ok("get", "stages", "--project", "kargo-demo", "-o", "name");
        Lines(names.Out).Order(StringComparer.Ordinal).ShouldBe(["stage/dev", "stage/prod", "stage/uat"]);
        var table = await Ok("get", "stages", "--project", "kargo-demo");
        Lines(table.Out).Skip(1).Select(l => l.Split(' ')[0]).Order(StringComparer.Ordinal).ShouldBe(["dev", "prod", "uat"]);
        var yaml = (await Ok("get", "stages", "--project", "kargo-demo", "-o", "yaml")).Out;
        foreach (var step in new[] { "git-clone", "kustomize-set-image", "git-commit", "git-push", "argocd-update" })
        {
            yaml.ShouldContain("uses: " + step);
        }

        yaml.ShouldContain("requestedFreight:");
        yaml.ShouldNotContain("promotionMechanisms");
    }

    [Fact]
    public async Task Todays_form_reads_back_identically_to_the_converted_seed()
    {
        await Ok("apply", "-f", WriteFixture("seed.yaml", substitute: true));
        var legacy = await ReadAllAsync();

        await using var other = await ServeRunner.StartAsync(_cli.Home, Path.Combine(_cli.Home, "data-today"), Password);
        await Ok("login", other.Url, "--admin", "--password", Password);
        var today = await Ok("apply", "-f", WriteFixture("today.yaml", substitute: false));
        today.Error.ShouldBeEmpty();
        today.Out.ShouldContain("stage/dev created");
        var current = await ReadAllAsync();

        current.ShouldBe(legacy);
    }

    [Fact]
    public async Task Seed_without_envsubst_fails_naming_line_and_field_and_stores_nothing()
    {
        var result = await _cli.RunAsync("apply", "-f", WriteFixture("seed.yaml", substitute: false));

        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain("seed.yaml:35:");
        result.Error.ShouldContain("spec.promotionMechanisms.gitRepoUpdates[0].repoURL");
        result.Error.ShouldContain("${GITOPS_REPO_URL}");
        var stages = await _cli.RunAsync("get", "stages", "--project", "kargo-demo");
        stages.Out.ShouldBeEmpty();
        (await Ok("get", "projects", "-o", "name")).Out.ShouldNotContain("project/kargo-demo");
    }

    [Fact]
    public async Task Restarting_serve_on_the_same_data_directory_keeps_everything()
    {
        await Ok("apply", "-f", WriteFixture("seed.yaml", substitute: true));
        var before = await ReadAllAsync();
        before.ShouldContain("\"name\":\"prod\"");
        (await _server.StopAsync()).ShouldBe(0);

        // No --admin-password this time: the stored one must still work.
        _server = await ServeRunner.StartAsync(_cli.Home, DataDirectory, adminPassword: null);
        await Ok("login", _server.Url, "--admin", "--password", Password);

        (await ReadAllAsync()).ShouldBe(before);
        var wrong = await _cli.RunAsync("login", _server.Url, "--admin", "--password", "not-the-password");
        wrong.ExitCode.ShouldBe(1);
    }

    [Fact]
    public async Task Get_yaml_piped_to_apply_reports_every_document_unchanged()
    {
        await Ok("apply", "-f", WriteFixture("seed.yaml", substitute: true));
        var yaml = (await Ok("get", "stages", "--project", "kargo-demo", "-o", "yaml")).Out;

        var reapplied = await _cli.RunWithInputAsync(yaml, "apply", "-f", "-");

        reapplied.ExitCode.ShouldBe(0, reapplied.Error);
        Lines(reapplied.Out).ShouldBe(["stage/dev unchanged", "stage/prod unchanged", "stage/uat unchanged"], ignoreOrder: true, yaml);
        (await ReadAllAsync()).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Json_of_a_list_is_a_v1_List_of_items()
    {
        await Ok("apply", "-f", WriteFixture("seed.yaml", substitute: true));

        var json = JsonNode.Parse((await Ok("get", "stages", "--project", "kargo-demo", "-o", "json")).Out)!.AsObject();

        json.Select(p => p.Key).ShouldBe(["apiVersion", "kind", "items"]);
        ((string?)json["apiVersion"]).ShouldBe("v1");
        ((string?)json["kind"]).ShouldBe("List");
        json["items"]!.AsArray().Select(i => (string?)i!["kind"]).ShouldBe(["Stage", "Stage", "Stage"]);
    }

    [Fact]
    public async Task Exit_codes_are_0_success_1_error_2_usage()
    {
        (await _cli.RunAsync("get", "projects")).ExitCode.ShouldBe(0);
        (await _cli.RunAsync("get", "stage", "missing", "--project", "kargo-demo")).ExitCode.ShouldBe(1);
        (await _cli.RunAsync("apply", "-f", Path.Combine(_cli.Home, "no-such-file.yaml"))).ExitCode.ShouldBe(1);
        (await _cli.RunAsync("get")).ExitCode.ShouldBe(2);
        (await _cli.RunAsync("get", "stages", "--no-such-flag")).ExitCode.ShouldBe(2);
        (await _cli.RunAsync("frobnicate")).ExitCode.ShouldBe(2);
    }

    private async Task<CliResult> Ok(params string[] args)
    {
        var result = await _cli.RunAsync(args);
        result.ExitCode.ShouldBe(0, $"dray {string.Join(' ', args)}\n{result.Error}");
        return result;
    }

    /// <summary>Projects, Warehouses and Stages as <c>get -o json</c> prints them, minus what the server assigns.</summary>
    private async Task<string> ReadAllAsync()
    {
        var all = new JsonArray();
        foreach (var kind in new[] { "projects", "warehouses", "stages" })
        {
            string[] args = kind == "projects" ? ["get", kind, "-o", "json"] : ["get", kind, "--project", "kargo-demo", "-o", "json"];
            var list = JsonNode.Parse((await Ok(args)).Out)!;
            foreach (var item in list["items"]!.AsArray())
            {
                var copy = item!.DeepClone().AsObject();
                // The controllers write status at any moment (offline, discovery of nginx fails and retries), so
                // only what the user applied is compared.
                copy.Remove("status");
                var metadata = copy["metadata"]!.AsObject();
                foreach (var field in ServerFields)
                {
                    metadata.Remove(field);
                }

                all.Add(copy);
            }
        }

        return all.ToJsonString();
    }

    /// <summary>Copies a seed fixture into the temp home, with <c>${GITOPS_REPO_URL}</c> replaced as envsubst would.</summary>
    private string WriteFixture(string name, bool substitute)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "seed", name));
        if (substitute)
        {
            text = text.Replace("${GITOPS_REPO_URL}", GitOpsRepo, StringComparison.Ordinal);
        }

        var path = Path.Combine(_cli.Home, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
