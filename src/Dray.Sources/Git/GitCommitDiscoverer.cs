using System.Globalization;
using Dray.Core.Model.Warehouses;

namespace Dray.Sources.Git;

/// <summary>
/// Discovers the commits a git subscription selects, best first, from the shared mirror: one <c>git log</c> for
/// branches, one <c>git for-each-ref</c> (plus one <c>git log --no-walk</c> when paths filter) for tags.
/// </summary>
/// <param name="time">The clock of <c>now()</c> in <c>expressionFilter</c>; the system clock when null.</param>
public sealed class GitCommitDiscoverer(GitMirrorManager mirrors, TimeProvider? time = null)
{
    public const int DefaultDiscoveryLimit = 20;
    public const int MaxDiscoveryLimit = 100;

    /// <exception cref="GitException">The subscription is invalid, or the repository or branch cannot be read.</exception>
    public Task<GitDiscoveryResult> DiscoverAsync(GitSubscription subscription, GitCredential? credential, CancellationToken ct) =>
        DiscoverAsync(subscription, credential, freshAfter: null, ct);

    /// <param name="freshAfter">See <see cref="GitMirrorRequest.FreshAfter"/>.</param>
    /// <exception cref="GitException">The subscription is invalid, or the repository or branch cannot be read.</exception>
    public async Task<GitDiscoveryResult> DiscoverAsync(GitSubscription subscription, GitCredential? credential, DateTimeOffset? freshAfter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        Validate(subscription);
        var filter = GitPathFilter.Create(subscription.IncludePaths, subscription.ExcludePaths);
        var expression = GitExpressionFilter.Create(subscription.ExpressionFilter, time ?? TimeProvider.System);
        var limit = Math.Clamp(subscription.DiscoveryLimit ?? DefaultDiscoveryLimit, 1, MaxDiscoveryLimit);
        var request = new GitMirrorRequest(subscription.RepoURL, credential, subscription.Blobless ?? false, subscription.InsecureSkipTLSVerify ?? false)
        {
            FreshAfter = freshAfter,
        };
        var mirror = await mirrors.EnsureFreshAsync(request, ct).ConfigureAwait(false);
        var strategy = subscription.CommitSelectionStrategy ?? GitCommitSelectionStrategy.NewestFromBranch;
        return strategy == GitCommitSelectionStrategy.NewestFromBranch
            ? await FromBranchAsync(mirror, subscription, filter, expression, limit, ct).ConfigureAwait(false)
            : await FromTagsAsync(mirror, subscription, strategy, filter, expression, limit, ct).ConfigureAwait(false);
    }

    private static void Validate(GitSubscription subscription)
    {
        if (subscription.AllowTags is not null || subscription.IgnoreTags is not null)
        {
            throw new GitException(
                GitErrorKind.InvalidSubscription,
                "allowTags and ignoreTags are no longer supported: use allowTagsRegexes and ignoreTagsRegexes");
        }
    }

    private async Task<GitDiscoveryResult> FromBranchAsync(
        GitMirror mirror, GitSubscription subscription, GitPathFilter filter, GitExpressionFilter? expression, int limit, CancellationToken ct)
    {
        var branch = subscription.Branch ?? mirror.DefaultBranch
            ?? throw new GitException(GitErrorKind.RefNotFound, $"{mirror.RepoUrl} has no default branch; set branch");
        if (!mirror.Refs.Refs.TryGetValue("refs/heads/" + branch, out var head))
        {
            throw new GitException(GitErrorKind.RefNotFound, $"branch '{branch}' not found in {mirror.RepoUrl}");
        }

        List<string> arguments = ["log", GitLogReader.Format, "-z"];
        if (subscription.Since is { } since)
        {
            arguments.Add("--since=" + since.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        }

        // With pathspecs git itself selects the commits, so it can also stop after the limit; stopping early from
        // here would not help, since git's block-buffered output reaches us late. An expression filter is ours to
        // evaluate, so then the one git log streams on until enough commits pass.
        var gitSelects = filter.IsEmpty || filter.Pathspecs is not null;
        if (gitSelects && expression is null)
        {
            arguments.Add($"--max-count={limit}");
        }

        if (!filter.IsEmpty)
        {
            arguments.AddRange(["--name-only", "--no-renames"]);
        }

        if (filter.Pathspecs is not null)
        {
            arguments.Add("--full-history");
        }

        arguments.Add(head);
        if (filter.Pathspecs is not null)
        {
            arguments.Add("--");
            arguments.AddRange(filter.Pathspecs);
        }

        var commits = new List<DiscoveredCommit>();
        await mirrors.Runner.StreamAsync(
            GitCommand.Create(arguments, mirror.Credential, mirror.InsecureSkipTlsVerify),
            mirror.Path,
            mirror.RepoUrl,
            (reader, token) => GitLogReader.ReadAsync(reader, entry =>
            {
                // Kargo evaluates the expression before it looks at paths.
                if ((expression is null || expression.Matches(entry)) && (gitSelects || filter.Qualifies(entry.Paths)))
                {
                    commits.Add(new DiscoveredCommit
                    {
                        Id = entry.Id,
                        Branch = branch,
                        Subject = CommitSubject.Truncate(entry.Subject),
                        Author = entry.Author,
                        Committer = entry.Committer,
                        CreatorDate = entry.CommitDate,
                    });
                }

                return commits.Count < limit;
            }, token),
            ct).ConfigureAwait(false);

        return new GitDiscoveryResult
        {
            RepoURL = subscription.RepoURL,
            Commits = commits,
            ObservedRefs = new GitObservedRefs { BranchHead = head },
        };
    }

    private async Task<GitDiscoveryResult> FromTagsAsync(
        GitMirror mirror,
        GitSubscription subscription,
        GitCommitSelectionStrategy strategy,
        GitPathFilter filter,
        GitExpressionFilter? expression,
        int limit,
        CancellationToken ct)
    {
        var tags = GitTagSelector.Select(await GitTagReader.ListAsync(mirrors.Runner, mirror, ct).ConfigureAwait(false), subscription, strategy);
        if (expression is not null)
        {
            // Every tag past the regexes and the constraint is evaluated, as in Kargo, so an error on any fails.
            tags = tags.Where(expression.Matches).ToList();
        }

        if (!filter.IsEmpty && tags.Count > 0)
        {
            var qualifying = await QualifyingCommitsAsync(mirror, tags.Select(t => t.CommitId).Distinct(StringComparer.Ordinal), filter, ct)
                .ConfigureAwait(false);
            tags = tags.Where(t => qualifying.Contains(t.CommitId)).ToList();
        }

        var selected = tags.Take(limit).ToList();
        return new GitDiscoveryResult
        {
            RepoURL = subscription.RepoURL,
            Commits = selected.Select(t => new DiscoveredCommit
            {
                Id = t.CommitId,
                Tag = t.Name,
                Subject = CommitSubject.Truncate(t.Subject),
                Author = t.Author,
                Committer = t.Committer,
                CreatorDate = t.CreatorDate,
            }).ToList(),
            ObservedRefs = new GitObservedRefs { Tags = selected.Select(t => new GitObservedTag { Name = t.Name, Id = t.CommitId }).ToList() },
        };
    }

    /// <summary>Which of <paramref name="commitIds"/> changed a selected path, from one <c>git log --no-walk</c>.</summary>
    private async Task<HashSet<string>> QualifyingCommitsAsync(
        GitMirror mirror, IEnumerable<string> commitIds, GitPathFilter filter, CancellationToken ct)
    {
        List<string> arguments = ["log", "--no-walk=unsorted", GitLogReader.Format, "-z", "--name-only", "--no-renames", .. commitIds];
        var qualifying = new HashSet<string>(StringComparer.Ordinal);
        await mirrors.Runner.StreamAsync(
            GitCommand.Create(arguments, mirror.Credential, mirror.InsecureSkipTlsVerify),
            mirror.Path,
            mirror.RepoUrl,
            (reader, token) => GitLogReader.ReadAsync(reader, entry =>
            {
                if (filter.Qualifies(entry.Paths))
                {
                    qualifying.Add(entry.Id);
                }

                return true;
            }, token),
            ct).ConfigureAwait(false);
        return qualifying;
    }
}
