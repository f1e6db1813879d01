namespace Dray.Server.Actions;

public static class ActionServiceCollectionExtensions
{
    /// <summary>The user actions behind both the REST endpoints and the UI buttons.</summary>
    public static IServiceCollection AddDrayActions(this IServiceCollection services)
    {
        services.AddSingleton<StageActions>();
        services.AddSingleton<FreightActions>();
        services.AddSingleton<WarehouseActions>();
        return services;
    }
}
