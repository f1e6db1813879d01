using Dray.Steps.Tests.Contracts;
using Dray.Steps.Tests.PullRequests;

namespace Dray.Tests.EndToEnd.CrashRecovery;

/// <summary>
/// A Gitea API double for git-open-pr: every request is checked against shared/specs/gitea/swagger.json (path,
/// method, body schema; response fixtures against the response schemas), and pull request creations are recorded so
/// that a test can count duplicates.
/// </summary>
public sealed class GiteaDouble : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly ContractServer _server;

    public GiteaDouble(string token)
    {
        _server = new ContractServer(FakeGitea.Spec, null, r =>
        {
            if (r.Headers["Authorization"] != $"token {token}")
            {
                return FakeGitea.Error(401, "token is required");
            }

            lock (_gate)
            {
                return FakeGitea.Handle(Repository, r);
            }
        });
    }

    /// <summary>The repository URL the steps name; FakeGitea serves <c>acme/deploy</c>.</summary>
    public string RepoUrl => $"{_server.BaseUri}acme/deploy.git";

    public FakeRepository Repository { get; } = new();

    /// <summary>How many <c>POST …/pulls</c> (pull request creations) reached the double.</summary>
    public int Creations => _server.Requests.Count(r => r.Method == "POST" && r.Path.EndsWith("/pulls", StringComparison.Ordinal));

    public IReadOnlyCollection<string> Violations => _server.Violations;

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
