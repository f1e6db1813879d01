using System.Text.Json.Nodes;
using Dray.Steps.PullRequests;
using Dray.Steps.Tests.Contracts;

namespace Dray.Steps.Tests.PullRequests;

/// <summary>Gitea, checked against shared/specs/gitea/swagger.json (requests and 2xx fixtures).</summary>
public sealed class GiteaPullRequestProviderTests : PullRequestProviderCompliance
{
    protected override SwaggerSpec? Spec => FakeGitea.Spec;

    protected override DocumentedSurface? Surface => null;

    protected override string RepoUrl(Uri server) => $"{server}acme/deploy.git";

    protected override PullRequestProviderOptions Options(Uri server) =>
        new() { Provider = PullRequestProviderKind.Gitea, Token = Token };

    protected override bool AuthHeaderCarriesToken(RecordedRequest r) =>
        r.Headers["Authorization"] == $"token {Token}";

    protected override Reply Error(int status, string message) => FakeGitea.Error(status, message);

    protected override Reply Handle(RecordedRequest r) => FakeGitea.Handle(Repo, r);
}
