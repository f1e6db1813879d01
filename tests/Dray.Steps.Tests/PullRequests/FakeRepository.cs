using System.Collections.Concurrent;

namespace Dray.Steps.Tests.PullRequests;

/// <summary>The state behind a fake hosting API: its pull requests, and failures to inject.</summary>
public sealed class FakeRepository
{
    public const string MergeCommit = "2222222222222222222222222222222222222222";

    public List<FakePullRequest> PullRequests { get; } = [];

    /// <summary>When set, every request is answered with this status and message (the message may echo the token).</summary>
    public (int Status, string Message)? Failure { get; set; }

    /// <summary>Requests to answer with 503 before behaving normally.</summary>
    public ConcurrentQueue<int> TransientFailures { get; } = new();

    public FakePullRequest? Find(long number) => PullRequests.FirstOrDefault(p => p.Number == number);

    public FakePullRequest Add(string source, string target, string state = "open")
    {
        var pr = new FakePullRequest { Number = PullRequests.Count + 1, Source = source, Target = target, State = state };
        if (state == "merged")
        {
            pr.MergeCommit = MergeCommit;
        }

        PullRequests.Add(pr);
        return pr;
    }

    public static void Merge(FakePullRequest pr)
    {
        pr.State = "merged";
        pr.MergeCommit = MergeCommit;
    }
}
