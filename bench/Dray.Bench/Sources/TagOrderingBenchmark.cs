using System.Diagnostics;
using System.Globalization;
using Dray.Core.Versioning;
using Dray.Sources.Oci;

namespace Dray.Bench.Sources;

/// <summary>
/// The CPU side of image discovery, without a registry: SemVer selection and ordering of --tags (10,000) tags under a
/// constraint, and a catastrophic allow regex (<c>^(a+)+$</c>) over a 5,000-character tag, which the linear-time
/// engine must answer in milliseconds. Moved here from TagOrderingTests and TagFilterTests, which only assert results.
/// </summary>
internal sealed class TagOrderingBenchmark : IBenchmark
{
    public string Name => "tag-ordering";

    public string Description => "SemVer-order --tags (10000) tags and match a catastrophic regex, --runs times (20)";

    public Task<int> RunAsync(BenchArguments arguments, CancellationToken cancellationToken)
    {
        var count = arguments.GetInt("tags", 10_000);
        var runs = arguments.GetInt("runs", 20);
        var tags = Enumerable.Range(0, count).Select(i => $"{i / 1000}.{i / 10 % 100}.{i % 10}").ToList();
        var constraint = MastermindsConstraint.Parse("^9.0.0");
        var filter = TagFilter.Create(["^(a+)+$"], null);
        var evil = new string('a', 5000) + "!";
        var ordering = new List<double>();
        var regex = new List<double>();
        for (var run = 0; run < runs && !cancellationToken.IsCancellationRequested; run++)
        {
            var clock = Stopwatch.StartNew();
            var ordered = TagOrdering.SemVer(tags, constraint, strictSemvers: true);
            ordering.Add(clock.Elapsed.TotalMilliseconds);
            if (ordered.Count == 0)
            {
                throw new InvalidOperationException("the constraint selected no tag");
            }

            clock.Restart();
            if (filter.Matches(evil))
            {
                throw new InvalidOperationException("the catastrophic pattern matched");
            }

            regex.Add(clock.Elapsed.TotalMilliseconds);
        }

        ordering.Sort();
        regex.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"tag-ordering: {count} tags, median {Percentiles.Of(ordering, 50):F1} ms, max {ordering[^1]:F1} ms over {ordering.Count} runs (first run includes JIT)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"tag-filter: ^(a+)+$ over 5,000 characters, median {Percentiles.Of(regex, 50):F2} ms, max {regex[^1]:F2} ms"));
        return Task.FromResult(0);
    }
}
