using CsCheck;
using Dray.Core.Manifests;
using Dray.Core.Manifests.Schema;
using Dray.Core.Tests.Manifests.Support;

namespace Dray.Core.Tests.Manifests;

public sealed class ManifestFuzzTests
{
    private static readonly string[] Fragments =
    [
        "apiVersion: kargo.akuity.io/v1alpha1\n", "kind: Stage\n", "kind: Warehouse\n", "metadata:\n", "  name: a\n",
        "  namespace: demo\n", "spec:\n", "  subscriptions:\n", "  - image:\n", "      repoURL: nginx\n", "---\n",
        "{", "}", "[", "]", ": ", "- ", "\"", "'", "${X}", "${{ vars.x }}", "&a ", "*a", "!!str ", "\t", "#c\n", "\n",
    ];

    [Fact]
    public void Reading_any_text_yields_documents_or_positioned_errors_never_an_exception()
    {
        Gen.Int[0, Fragments.Length - 1].Array[0, 40].Select(ix => string.Concat(ix.Select(i => Fragments[i]))).Sample(text =>
        {
            var diagnostics = new ManifestDiagnostics();
            ManifestReader.Read(new ManifestSource("fuzz.yaml", text), diagnostics);
            diagnostics.Errors.ShouldAllBe(e => e.File == "fuzz.yaml" && e.Line >= 0 && e.Column >= 0);
        }, iter: 1000);
    }

    [Fact]
    public async Task Applying_any_text_either_stores_or_throws_a_manifest_exception()
    {
        await using var store = new SqliteTestStore();
        await ManifestTestKit.ApplyAsync(store, "apiVersion: kargo.akuity.io/v1alpha1\nkind: Project\nmetadata:\n  name: demo\n");
        await Gen.Int[0, Fragments.Length - 1].Array[0, 30].Select(ix => string.Concat(ix.Select(i => Fragments[i]))).SampleAsync(async text =>
        {
            var before = await store.RevisionAsync();
            try
            {
                await ManifestTestKit.ApplyAsync(store, text);
            }
            catch (ManifestException e)
            {
                e.Errors.ShouldNotBeEmpty();
                (await store.RevisionAsync()).ShouldBe(before);
            }
        }, iter: 300, threads: 1);
    }

    [Fact]
    public void Edit_distance_is_a_symmetric_bounded_metric()
    {
        Gen.Select(Gen.String[Gen.Char['a', 'e'], 0, 8], Gen.String[Gen.Char['a', 'e'], 0, 8]).Sample((a, b) =>
        {
            var d = EditDistance.Compute(a, b);
            d.ShouldBe(EditDistance.Compute(b, a));
            d.ShouldBeLessThanOrEqualTo(Math.Max(a.Length, b.Length));
            d.ShouldBeGreaterThanOrEqualTo(Math.Abs(a.Length - b.Length));
            (d == 0).ShouldBe(a == b);
        });
    }
}
