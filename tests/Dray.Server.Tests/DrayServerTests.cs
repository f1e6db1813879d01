using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Dray.Server.Tests.Support;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection;

namespace Dray.Server.Tests;

public sealed partial class DrayServerTests
{
    [GeneratedRegex("^admin password: (\\S+)$", RegexOptions.Multiline)]
    private static partial Regex PrintedPassword();

    [Fact]
    public async Task Without_a_password_the_first_start_prints_one_and_later_starts_keep_it()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("dray-server-tests-").FullName;
        string password;
        await using (var first = await ServerHost.StartAsync(dataDirectory, adminPassword: null))
        {
            var matches = PrintedPassword().Matches(first.Output.ToString());
            matches.Count.ShouldBe(1);
            password = matches[0].Groups[1].Value;
            password.Length.ShouldBeGreaterThanOrEqualTo(20);
            first.Logs.Lines.ShouldAllBe(line => !line.Contains(password, StringComparison.Ordinal));
        }

        await using (var second = await ServerHost.StartAsync(dataDirectory, adminPassword: null))
        {
            second.Output.ToString().ShouldNotContain("admin password");
            (await second.AdminAsync(password)).Dispose();
        }

        Directory.Delete(dataDirectory, recursive: true);
    }

    [Fact]
    public async Task A_configured_password_replaces_the_stored_one()
    {
        await using var host = await ServerHost.StartAsync(adminPassword: "first-password");
        using var anonymous = host.Anonymous();

        (await anonymous.PostAsJsonAsync("/api/v1/login", new { password = "first-password" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await anonymous.PostAsJsonAsync("/api/v1/login", new { password = "other" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        host.Output.ToString().ShouldBeEmpty();
    }

    [Fact]
    public async Task Invalid_options_fail_at_start()
    {
        var exception = await Should.ThrowAsync<OptionsValidationException>(() =>
            ServerHost.StartAsync(tweak: o => o.SessionLifetime = TimeSpan.FromSeconds(1)));

        exception.Message.ShouldContain(nameof(DrayServerOptions.SessionLifetime));
    }

    [Fact]
    public async Task The_configured_Argo_CD_reaches_the_argocd_steps()
    {
        var argoCd = new Dray.Steps.ArgoCd.ArgoCdStepOptions { Server = new Uri("https://argocd.example.com"), Token = "t", InsecureSkipTlsVerify = true };
        await using var host = await ServerHost.StartAsync(tweak: o => o.ArgoCd = argoCd);

        host.App.Services.GetRequiredService<Dray.Steps.ArgoCd.ArgoCdStepOptions>().ShouldBe(argoCd);
    }
}
