using Dray.Core.Promotions;
using Dray.Core.Steps;
using Dray.Core.Storage;
using Dray.Storage.Sqlite;
using Dray.TestKit.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;
using Xunit;

namespace Dray.Core.Tests.Promotions;

public sealed class PromotionEngineServiceCollectionExtensionsTests
{
    [Fact]
    public async Task The_engine_resolves_from_the_container_with_its_options()
    {
        using var directory = new TempDirectory("dray-promotion-di-");
        await using var store = new SqliteResourceStore(new SqliteStoreOptions { DatabasePath = directory.File("dray.db") }, TimeProvider.System);
        await using var services = new ServiceCollection()
            .AddSingleton<IResourceStore>(store)
            .AddSingleton(TimeProvider.System)
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(Logger<>))
            .AddPromotionStep<EchoStep>("echo")
            .AddPromotionEngine(o => o.QueueRecheckInterval = TimeSpan.FromSeconds(2))
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        await using var scope = services.CreateAsyncScope();

        scope.ServiceProvider.GetRequiredService<PromotionReconciler>().ShouldNotBeNull();
        scope.ServiceProvider.GetRequiredService<PromotionCreator>().ShouldNotBeNull();
        services.GetRequiredService<PromotionEngineOptions>().QueueRecheckInterval.ShouldBe(TimeSpan.FromSeconds(2));
        services.GetRequiredService<IPromotionStepResolver>().TryResolve("echo", out var step).ShouldBeTrue();
        step.ShouldBeOfType<EchoStep>();
    }
}
