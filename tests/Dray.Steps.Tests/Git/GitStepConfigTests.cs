using Dray.Core.Model.Promotions;
using Dray.Core.Steps;
using Dray.Sources.Git;
using Dray.Steps.Git;
using Dray.TestKit.Infrastructure;

namespace Dray.Steps.Tests.Git;

/// <summary>Invalid configs fail terminally, naming the field, before any git runs.</summary>
public sealed class GitStepConfigTests : IDisposable
{
    private readonly TempDirectory _data = new("dray-gitsteps-config-");
    private readonly GitMirrorManager _mirrors;
    private readonly GitStepSupport _support;

    public GitStepConfigTests()
    {
        _mirrors = new GitMirrorManager(new GitMirrorOptions { DataDirectory = _data.Path, GitBinary = "/nonexistent/git" });
        _support = new GitStepSupport(_mirrors, new GitStepOptions());
    }

    public void Dispose()
    {
        _mirrors.Dispose();
        _data.Dispose();
    }

    [Theory]
    [InlineData("git-clone", """{"checkout":[{"path":"src"}]}""", "config.repoURL")]
    [InlineData("git-clone", """{"repoURL":"https://h/r.git"}""", "config.checkout")]
    [InlineData("git-clone", """{"repoURL":"https://h/r.git","checkout":[]}""", "config.checkout")]
    [InlineData("git-clone", """{"repoURL":"ftp://h/r.git","checkout":[{"path":"src"}]}""", "config.repoURL: \"ftp://h/r.git\" is not an http(s) URL")]
    [InlineData("git-clone", """{"repoURL":"https://u:p@h/r.git","checkout":[{"path":"src"}]}""", "config.repoURL: must not contain credentials; put them in a git credentials Secret")]
    [InlineData("git-clone", """{"repoURL":"https://h/r.git","checkout":[{"path":"src","branch":"a","tag":"b"}]}""", "config.checkout[0]: at most one of branch, commit or tag may be set")]
    [InlineData("git-clone", """{"repoURL":"https://h/r.git","checkout":[{"path":"src","create":true}]}""", "config.checkout[0].create: needs branch")]
    [InlineData("git-clone", """{"repoURL":"https://h/r.git","checkout":[{"path":"src","branch":"a..b"}]}""", "config.checkout[0].branch: \"a..b\" is not a valid branch name")]
    [InlineData("git-clone", """{"repoURL":"https://h/r.git","checkout":[{"path":"src"},{"path":"./src","as":"x"}]}""", "config.checkout[1].path: \"./src\" is checked out twice")]
    [InlineData("git-clone", """{"repoURL":"https://h/r.git","checkout":[{"path":"src","sparse":["../up"]}]}""", "config.checkout[0].sparse: \"../up\" is not a directory inside the repository")]
    [InlineData("git-clone", """{"repoURL":"https://h/r.git","author":{"email":"not-an-email"},"checkout":[{"path":"src"}]}""", "config.author.email")]
    [InlineData("git-clone", """{"repoURL":"https://h/r.git","author":{"signingKey":"KEY"},"checkout":[{"path":"src"}]}""", "config.author.signingKey: commit signing is not supported")]
    [InlineData("git-clone", """{"repoURL":"https://h/r.git","checkout":[{"path":"src"}],"depth":1}""", "config.depth")]
    [InlineData("git-clear", """{}""", "config.path")]
    [InlineData("git-clear", """{"path":""}""", "config.path")]
    [InlineData("git-commit", """{"path":"src"}""", "config.message")]
    [InlineData("git-commit", """{"path":"src","message":"  "}""", "config.message: must not be blank")]
    [InlineData("git-commit", """{"message":"m"}""", "config.path")]
    [InlineData("git-push", """{}""", "config.path")]
    [InlineData("git-push", """{"path":"src","targetBranch":"main","generateTargetBranch":true}""", "config: targetBranch and generateTargetBranch are mutually exclusive")]
    [InlineData("git-push", """{"path":"src","targetBranch":"bad branch"}""", "config.targetBranch: \"bad branch\" is not a valid branch name")]
    [InlineData("git-push", """{"path":"src","maxAttempts":0}""", "config.maxAttempts")]
    [InlineData("git-push", """{"path":"src","maxAttempts":"ten"}""", "config.maxAttempts")]
    [InlineData("git-push", """{"path":"src","provider":"svn"}""", "config.provider: unknown provider \"svn\"")]
    public async Task Invalid_configs_fail_terminally_naming_the_field(string step, string config, string expected)
    {
        using var h = new StepHarness();

        var result = await h.RunAsync(Step(step), config);

        result.Status.ShouldBe(PromotionStepStatus.Failed);
        result.Terminal.ShouldBeTrue();
        result.Message.ShouldNotBeNull();
        result.Message.ShouldStartWith("invalid config: ");
        result.Message.ShouldContain(expected);
    }

    [Theory]
    [InlineData("https://github.com/org/repo.git", null, "https://github.com/org/repo/commit/abc")]
    [InlineData("https://gitlab.com/group/sub/repo.git", null, "https://gitlab.com/group/sub/repo/-/commit/abc")]
    [InlineData("https://bitbucket.org/ws/repo.git", null, "https://bitbucket.org/ws/repo/commits/abc")]
    [InlineData("https://dev.azure.com/org/proj/_git/repo", null, "https://dev.azure.com/org/proj/_git/repo/commit/abc")]
    [InlineData("https://git.example.com:8443/org/repo.git", "gitea", "https://git.example.com:8443/org/repo/commit/abc")]
    [InlineData("https://git.example.com/org/repo.git", null, null)]
    [InlineData("http://127.0.0.1:8080/git/repo.git", null, null)]
    public void Commit_urls_follow_each_host_layout(string repoUrl, string? provider, string? expected) =>
        GitCommitUrls.For(repoUrl, provider, "abc").ShouldBe(expected);

    private IPromotionStep Step(string name) => name switch
    {
        "git-clone" => new GitCloneStep(_support),
        "git-clear" => new GitClearStep(_support),
        "git-commit" => new GitCommitStep(_support),
        _ => new GitPushStep(_support),
    };
}
