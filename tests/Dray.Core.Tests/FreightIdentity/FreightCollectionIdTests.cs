using Dray.Core.FreightIdentity;

namespace Dray.Core.Tests.FreightIdentity;

public sealed class FreightCollectionIdTests
{
    [Fact]
    public void Single_freight_collection_has_the_documented_id()
    {
        FreightCollectionId.Compute(["666209fd9755a1e48bec6b27f5f447747410dd9e"])
            .ShouldBe("101bca5b0e18ca7913978a1da956308d2544f741");
    }

    [Fact]
    public void Names_are_sorted_and_joined_by_commas()
    {
        // sha1("666209fd...,a5530bbe...") computed with python3 hashlib.
        const string expected = "5ea1ca57ebf9c4b238b0467e808d6c6a1a57b917";

        FreightCollectionId.Compute(["a5530bbe85e85f75d0e3838c7f6b96d51c5348f9", "666209fd9755a1e48bec6b27f5f447747410dd9e"])
            .ShouldBe(expected);
        FreightCollectionId.Compute(["666209fd9755a1e48bec6b27f5f447747410dd9e", "a5530bbe85e85f75d0e3838c7f6b96d51c5348f9"])
            .ShouldBe(expected);
    }
}
