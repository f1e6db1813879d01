namespace Dray.Server.Tests.Support;

[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<SharedServer>
{
    public const string Name = "server";
}
