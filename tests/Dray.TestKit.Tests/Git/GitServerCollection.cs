using Dray.TestKit.Git;

namespace Dray.TestKit.Tests.Git;

[CollectionDefinition(Name)]
public sealed class GitServerCollection : ICollectionFixture<GitHttpServer>
{
    public const string Name = "git http server";
}
