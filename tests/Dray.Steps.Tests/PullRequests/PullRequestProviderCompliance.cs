using Dray.Steps.ApiClients;
using Dray.Steps.PullRequests;
using Dray.Steps.Tests.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Dray.Steps.Tests.PullRequests;

/// <summary>
/// The behaviour every provider must show, run once per provider against a fake of its API that checks each request
/// against the provider's published spec (or, where none is in shared/specs, its documented surface).
/// </summary>
public abstract class PullRequestProviderCompliance : IAsyncLifetime
{
    protected const string Token = "tok-SECRET-4f1d9c";

    private ContractServer? _server;

    protected FakeRepository Repo { get; } = new();

    protected ContractServer Server => _server!;

    protected abstract SwaggerSpec? Spec { get; }

    protected abstract DocumentedSurface? Surface { get; }

    protected virtual string StripPrefix => string.Empty;

    /// <summary>False for services without pull request labels; labels are then not sent.</summary>
    protected virtual bool SupportsLabels => true;

    protected abstract string RepoUrl(Uri server);

    protected abstract PullRequestProviderOptions Options(Uri server);

    /// <summary>Answers a request that passed the contract check, from <see cref="Repo"/>.</summary>
    protected abstract Reply Handle(RecordedRequest r);

    /// <summary>The provider's own error body.</summary>
    protected abstract Reply Error(int status, string message);

    public Task InitializeAsync()
    {
        _server = new ContractServer(Spec, Surface, r =>
        {
            if (Repo.TransientFailures.TryDequeue(out var status))
            {
                return Error(status, "try again later");
            }

            return Repo.Failure is { } f ? Error(f.Status, f.Message) : Handle(r);
        }, StripPrefix);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _server!.DisposeAsync();

    protected IPullRequestProvider Provider()
    {
        var services = new ServiceCollection()
            .AddPullRequestProviders(new ApiTransportOptions { RetryBaseDelay = TimeSpan.FromMilliseconds(5), MaxRetryDelay = TimeSpan.FromMilliseconds(50) })
            .BuildServiceProvider();
        return services.GetRequiredService<PullRequestProviderFactory>().Create(RepoUrl(Server.BaseUri), Options(Server.BaseUri));
    }

    [Fact]
    public async Task Open_reuses_the_open_pull_request_for_the_same_branches()
    {
        Repo.Add("kargo/promo", "other");
        var existing = Repo.Add("kargo/promo", "main");

        var pr = await Provider().OpenAsync(new OpenPullRequestRequest("kargo/promo", "main", "Promote"), CancellationToken.None);

        pr.Number.ShouldBe(existing.Number);
        pr.State.ShouldBe(PullRequestState.Open);
        pr.SourceBranch.ShouldBe("kargo/promo");
        Server.Requests.ShouldNotContain(r => r.Method == "POST");
        Repo.PullRequests.Count.ShouldBe(2);
        Server.Violations.ShouldBeEmpty();
    }

    [Fact]
    public async Task Open_creates_a_pull_request_when_only_a_merged_one_exists()
    {
        Repo.Add("kargo/promo", "main", "merged");

        var pr = await Provider().OpenAsync(
            new OpenPullRequestRequest("kargo/promo", "main", "Promote abc", "Body text", ["promotion"]), CancellationToken.None);

        pr.Number.ShouldBe(2);
        pr.State.ShouldBe(PullRequestState.Open);
        pr.Url.ShouldNotBeNullOrEmpty();
        var created = Repo.Find(2).ShouldNotBeNull();
        created.Source.ShouldBe("kargo/promo");
        created.Target.ShouldBe("main");
        created.Labels.ShouldBe(SupportsLabels ? ["promotion"] : []);
        Server.Violations.ShouldBeEmpty();
    }

    [Fact]
    public async Task Get_follows_a_pull_request_from_open_to_merged()
    {
        var fake = Repo.Add("kargo/promo", "main");
        var provider = Provider();

        var open = await provider.GetAsync(fake.Number, CancellationToken.None);
        FakeRepository.Merge(fake);
        var merged = await provider.GetAsync(fake.Number, CancellationToken.None);

        open.State.ShouldBe(PullRequestState.Open);
        open.MergeCommitSha.ShouldBeNull();
        merged.State.ShouldBe(PullRequestState.Merged);
        merged.MergeCommitSha.ShouldBe(FakeRepository.MergeCommit);
        Server.Violations.ShouldBeEmpty();
    }

    [Fact]
    public async Task Merge_merges_an_open_pull_request_and_reports_the_commit()
    {
        var fake = Repo.Add("kargo/promo", "main");

        var outcome = await Provider().MergeAsync(fake.Number, null, CancellationToken.None);

        outcome.Merged.ShouldBeTrue();
        outcome.PullRequest!.MergeCommitSha.ShouldBe(FakeRepository.MergeCommit);
        fake.State.ShouldBe("merged");
        Server.Violations.ShouldBeEmpty();
    }

    [Fact]
    public async Task Merge_of_a_closed_pull_request_is_a_terminal_error()
    {
        var fake = Repo.Add("kargo/promo", "main", "closed");

        var e = await Should.ThrowAsync<ApiException>(() => Provider().MergeAsync(fake.Number, null, CancellationToken.None));

        e.Terminal.ShouldBeTrue();
        fake.State.ShouldBe("closed");
    }

    [Theory]
    [InlineData(401, "bad credentials")]
    [InlineData(404, "repository not found")]
    [InlineData(422, "validation failed: head is invalid")]
    public async Task Logical_errors_are_terminal_clear_and_never_show_the_token(int status, string message)
    {
        Repo.Failure = (status, $"{message} (token {Token})");

        var e = await Should.ThrowAsync<ApiException>(
            () => Provider().OpenAsync(new OpenPullRequestRequest("kargo/promo", "main", "Promote"), CancellationToken.None));

        e.Terminal.ShouldBeTrue();
        ((int?)e.StatusCode).ShouldBe(status);
        e.Message.ShouldContain($"HTTP {status}");
        e.Message.ShouldContain(message);
        e.Message.ShouldNotContain(Token);
        e.ToString().ShouldNotContain(Token);
        Server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Server_errors_and_rate_limits_are_retried()
    {
        var fake = Repo.Add("kargo/promo", "main");
        Repo.TransientFailures.Enqueue(503);
        Repo.TransientFailures.Enqueue(429);

        var pr = await Provider().GetAsync(fake.Number, CancellationToken.None);

        pr.Number.ShouldBe(fake.Number);
        Server.Requests.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Server_errors_that_outlast_the_retries_are_not_terminal()
    {
        var fake = Repo.Add("kargo/promo", "main");
        for (var i = 0; i < 10; i++)
        {
            Repo.TransientFailures.Enqueue(502);
        }

        var e = await Should.ThrowAsync<ApiException>(() => Provider().GetAsync(fake.Number, CancellationToken.None));

        e.Terminal.ShouldBeFalse();
        Server.Requests.Count.ShouldBe(4);
    }

    [Fact]
    public async Task Every_request_carries_the_token_in_the_provider_auth_header()
    {
        var fake = Repo.Add("kargo/promo", "main");

        await Provider().GetAsync(fake.Number, CancellationToken.None);

        var request = Server.Requests.Single();
        AuthHeaderCarriesToken(request).ShouldBeTrue();
        request.RawUrl.ShouldNotContain(Token);
    }

    protected abstract bool AuthHeaderCarriesToken(RecordedRequest r);
}
