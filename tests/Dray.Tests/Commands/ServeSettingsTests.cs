using Dray.Cli.Commands;
using Dray.Cli.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Dray.Tests.Commands;

public sealed class ServeSettingsTests
{
    private static CliContext Context(Dictionary<string, string?> env) =>
        new(TextWriter.Null, TextWriter.Null, TextReader.Null, false, n => env.GetValueOrDefault(n), "/home/u", "/work", new FakeTimeProvider());

    [Fact]
    public void Flags_beat_environment()
    {
        var env = new Dictionary<string, string?> { ["DRAY_DATA"] = "/env/data", ["DRAY_LISTEN"] = "127.0.0.1:9", ["DRAY_ADMIN_PASSWORD"] = "envpw" };
        var settings = ServeCommand.Resolve(Context(env), "rel/data", "127.0.0.1:7000", "flagpw");
        settings.ShouldBe(new Dray.Cli.Serve.ServeSettings("/work/rel/data", "127.0.0.1:7000", "flagpw"));
    }

    [Fact]
    public void Environment_beats_defaults()
    {
        var env = new Dictionary<string, string?> { ["DRAY_DATA"] = "/env/data", ["DRAY_LISTEN"] = "127.0.0.1:9", ["DRAY_ADMIN_PASSWORD"] = "envpw" };
        ServeCommand.Resolve(Context(env), null, null, null).ShouldBe(new Dray.Cli.Serve.ServeSettings("/env/data", "127.0.0.1:9", "envpw"));
    }

    [Fact]
    public void Defaults_use_the_xdg_data_home()
    {
        ServeCommand.Resolve(Context([]), null, null, null)
            .ShouldBe(new Dray.Cli.Serve.ServeSettings("/home/u/.local/share/dray", ServeCommand.DefaultListen, null));
        ServeCommand.Resolve(Context(new() { ["XDG_DATA_HOME"] = "/xdg" }), null, null, null).DataDirectory.ShouldBe("/xdg/dray");
    }

    [Fact]
    public void The_external_url_comes_from_the_flag_then_the_environment()
    {
        var env = new Dictionary<string, string?> { ["DRAY_EXTERNAL_URL"] = "https://env.example.com" };

        ServeCommand.Resolve(Context(env), null, null, null, "https://flag.example.com").ExternalUrl.ShouldBe("https://flag.example.com");
        ServeCommand.Resolve(Context(env), null, null, null).ExternalUrl.ShouldBe("https://env.example.com");
        ServeCommand.Resolve(Context([]), null, null, null).ExternalUrl.ShouldBeNull();
    }

    [Fact]
    public void Argo_CD_comes_from_the_flag_then_the_environment_and_the_token_only_from_the_environment()
    {
        var env = new Dictionary<string, string?> { ["DRAY_ARGOCD_URL"] = "https://argocd.env.example.com", ["DRAY_ARGOCD_TOKEN"] = "tok-123" };

        var fromFlag = ServeCommand.ResolveArgoCd(Context(env), "https://argocd.flag.example.com", insecureSkipTlsVerify: true)!;
        fromFlag.Server.ShouldBe(new Uri("https://argocd.flag.example.com"));
        fromFlag.Token.ShouldBe("tok-123");
        fromFlag.InsecureSkipTlsVerify.ShouldBeTrue();
        fromFlag.ToString().ShouldNotContain("tok-123");
        ServeCommand.ResolveArgoCd(Context(env), null, insecureSkipTlsVerify: false)!.Server.ShouldBe(new Uri("https://argocd.env.example.com"));
        ServeCommand.ResolveArgoCd(Context([]), null, insecureSkipTlsVerify: false).ShouldBeNull();
    }

    [Theory]
    [InlineData("argocd.example.com")]
    [InlineData("ftp://argocd.example.com")]
    public void An_Argo_CD_url_that_is_not_http_is_a_usage_error(string url)
    {
        var error = Should.Throw<CliException>(() => ServeCommand.ResolveArgoCd(Context([]), url, insecureSkipTlsVerify: false));

        error.ExitCode.ShouldBe(ExitCodes.Usage);
        error.Message.ShouldContain("--argocd-url");
    }

    [Fact]
    public void The_cache_by_tag_policy_comes_from_the_flag_then_the_environment_then_allow()
    {
        var env = new Dictionary<string, string?> { ["DRAY_CACHE_BY_TAG_POLICY"] = "forbid" };

        ServeCommand.ResolveCacheByTagPolicy(Context(env), "Force").ShouldBe(Dray.Sources.Oci.CacheByTagPolicy.Force);
        ServeCommand.ResolveCacheByTagPolicy(Context(env), null).ShouldBe(Dray.Sources.Oci.CacheByTagPolicy.Forbid);
        ServeCommand.ResolveCacheByTagPolicy(Context([]), null).ShouldBe(Dray.Sources.Oci.CacheByTagPolicy.Allow);
    }

    [Theory]
    [InlineData("Sometimes")]
    [InlineData("1")]
    [InlineData("Allow,Force")]
    public void An_unknown_cache_by_tag_policy_is_a_usage_error(string text)
    {
        var error = Should.Throw<CliException>(() => ServeCommand.ResolveCacheByTagPolicy(Context([]), text));

        error.ExitCode.ShouldBe(ExitCodes.Usage);
        error.Message.ShouldBe($"--cache-by-tag-policy must be Allow, Forbid, Require or Force, got \"{text}\".");
    }
}
