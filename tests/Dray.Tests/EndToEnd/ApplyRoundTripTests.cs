using System.Net.Sockets;

namespace Dray.Tests.EndToEnd;

/// <summary>The seed manifests through the real server: apply, get, get -o yaml | apply (unchanged), delete.</summary>
public sealed class ApplyRoundTripTests : InProcessServerTest
{
    /// <summary>Copies the kargo-demo fixture with <c>${GITOPS_REPO_URL}</c> replaced, as a user's checkout would be.</summary>
    private string SeedManifests()
    {
        var target = Path.Combine(Cli.Home, "kargo-demo");
        Directory.CreateDirectory(target);
        var gitops = "file://" + Path.Combine(Cli.Home, "gitops.git");
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "kargo-demo")))
        {
            var text = File.ReadAllText(file).Replace("${GITOPS_REPO_URL}", gitops, StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(target, Path.GetFileName(file)), text);
        }

        return "kargo-demo";
    }

    private async Task<CliResult> Ok(params string[] args)
    {
        var result = await Cli.RunAsync(args);
        result.ExitCode.ShouldBe(0, $"dray {string.Join(' ', args)}\n{result.Error}");
        return result;
    }

    [Fact]
    public async Task Login_apply_get_round_trip_and_delete()
    {
        await Ok("login", Url, "--admin", "--password", Password);
        await Ok("config", "set-project", "kargo-demo");
        (await Ok("version")).Out.ShouldContain("Server Version: ");

        var dir = SeedManifests();
        var applied = await Ok("apply", "-f", dir);
        applied.Out.ShouldContain("project/kargo-demo created");
        applied.Out.ShouldContain("warehouse/kargo-demo created");
        applied.Out.ShouldContain("promotiontask/demo-promo-process created");
        applied.Out.ShouldContain("stage/test created");
        applied.Out.ShouldContain("stage/prod created");

        var again = await Ok("apply", "-f", dir);
        again.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldAllBe(l => l.EndsWith(" unchanged", StringComparison.Ordinal));

        var stages = await Ok("get", "stages");
        stages.Out.ShouldStartWith("NAME");
        (await Ok("get", "stages", "-o", "name")).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Order(StringComparer.Ordinal).ShouldBe(["stage/prod", "stage/test", "stage/uat"]);

        // What get -o yaml prints applies back as a no-op, for a list and for one named object.
        foreach (var args in new[] { new[] { "get", "stages", "-o", "yaml" }, ["get", "stage", "uat", "-o", "yaml"], ["get", "warehouses", "-o", "json"] })
        {
            var yaml = (await Ok(args)).Out;
            var reapplied = await Cli.RunWithInputAsync(yaml, "apply", "-f", "-");
            reapplied.ExitCode.ShouldBe(0, reapplied.Error);
            reapplied.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldAllBe(l => l.EndsWith(" unchanged", StringComparison.Ordinal), yaml);
        }

        (await Ok("delete", "stage", "prod")).Out.ShouldBe("stage/prod deleted\n");
        var deleted = await Ok("delete", "-f", dir);
        deleted.Out.ShouldContain("stage/prod not found");
        deleted.Out.ShouldContain("stage/test deleted");
        var empty = await Cli.RunAsync("get", "stages");
        empty.Out.ShouldBeEmpty();
        empty.Error.ShouldContain("No resources found");
    }

    [Fact]
    public async Task Invalid_manifests_are_reported_with_positions_and_nothing_is_stored()
    {
        await Ok("login", Url, "--admin", "--password", Password);
        var dir = SeedManifests();
        await File.WriteAllTextAsync(Path.Combine(Cli.Home, dir, "40-broken.yaml"), """
            apiVersion: kargo.akuity.io/v1alpha1
            kind: Stage
            metadata:
              name: broken
              namespace: kargo-demo
            spec:
              requestedFreight: 7
            """);
        var result = await Cli.RunAsync("apply", "-f", dir);
        result.ExitCode.ShouldBe(1);
        result.Error.ShouldStartWith("Error: ");
        result.Error.ShouldContain("kargo-demo/40-broken.yaml:");
        var projects = await Cli.RunAsync("get", "projects", "-o", "name");
        projects.Out.ShouldNotContain("project/kargo-demo");
    }
}
