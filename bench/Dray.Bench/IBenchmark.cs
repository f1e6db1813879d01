namespace Dray.Bench;

/// <summary>One benchmark, run as <c>dray-bench &lt;name&gt; [options]</c>.</summary>
internal interface IBenchmark
{
    string Name { get; }

    string Description { get; }

    Task<int> RunAsync(BenchArguments arguments, CancellationToken cancellationToken);
}
