using Dray.Core.Expressions;
using Dray.Core.Model;
using Dray.Core.Model.Promotions;
using Dray.Core.Model.Warehouses;
using Dray.Core.Resources;
using Dray.Core.Storage;
using Dray.Core.Warehouses;
using Dray.Core.Webhooks;

namespace Dray.Server.Webhooks;

/// <summary>
/// Handles one delivery: find the receiver by its path, check the signature, read the payload, and refresh only the
/// Warehouses of the receiver's project that it concerns (or, for a pull request that ended, wake the Promotions
/// waiting on it). A bad signature refreshes nothing.
/// </summary>
public sealed class WebhookDispatcher(
    WebhookReceiverLocator locator,
    IEnumerable<IWebhookProvider> providers,
    IResourceStore store,
    TimeProvider time,
    ILogger<WebhookDispatcher> logger)
{
    private readonly Dictionary<string, IWebhookProvider> _providers = providers.ToDictionary(p => p.Type, StringComparer.Ordinal);

    public async Task<WebhookOutcome> HandleAsync(string type, string token, WebhookRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var provider = _providers.GetValueOrDefault(type);
        var located = provider is null && type != WebhookReceiverBinding.Generic
            ? null
            : await locator.FindAsync(type, token, cancellationToken).ConfigureAwait(false);
        if (located is null)
        {
            WebhookLog.UnknownReceiver(logger, type);
            return WebhookOutcome.Problem(StatusCodes.Status404NotFound, "No webhook receiver at this path.");
        }

        var (project, receiverName) = (located.Project, located.Receiver.Name);
        if (provider is not null && !provider.Verify(request, located.Secret))
        {
            WebhookLog.BadSignature(logger, project, receiverName, type);
            return WebhookOutcome.Problem(StatusCodes.Status401Unauthorized, "The request's signature or token does not match the receiver's secret.");
        }

        IReadOnlyList<string> selected;
        var filteredOut = 0;
        string description;
        if (provider is null)
        {
            var warehouses = await ListWarehousesAsync(project, cancellationToken).ConfigureAwait(false);
            try
            {
                selected = GenericWebhookSelector.Select(located.Receiver.Generic!, request, warehouses, time);
                description = "generic request";
            }
            catch (ExpressionException ex)
            {
                WebhookLog.BadPayload(logger, project, receiverName, type, ex.Message);
                return WebhookOutcome.Problem(StatusCodes.Status400BadRequest, ex.Message);
            }
        }
        else
        {
            var parsed = provider.Parse(request, located.Receiver);
            if (parsed.Error is { } error)
            {
                WebhookLog.BadPayload(logger, project, receiverName, type, error);
                return WebhookOutcome.Problem(StatusCodes.Status400BadRequest, error);
            }

            if (parsed.Event is not { } webhookEvent)
            {
                var reason = parsed.IgnoredReason ?? "nothing to do";
                WebhookLog.Ignored(logger, project, receiverName, type, reason);
                return WebhookOutcome.Ok(0, $"Ignored: {reason}.");
            }

            if (webhookEvent.Kind == WebhookArtifactKind.PullRequest)
            {
                return await WakePromotionsAsync(project, receiverName, type, webhookEvent, cancellationToken).ConfigureAwait(false);
            }

            var match = WebhookWarehouseMatcher.Match(await ListWarehousesAsync(project, cancellationToken).ConfigureAwait(false), webhookEvent);
            selected = match.Selected;
            filteredOut = match.FilteredOut.Count;
            description = webhookEvent.Description;
        }

        var refreshed = 0;
        var now = time.GetUtcNow();
        foreach (var name in selected)
        {
            if (await WarehouseRefresher.RequestAsync(store, project, name, now, cancellationToken).ConfigureAwait(false) is not null)
            {
                refreshed++;
            }
        }

        WebhookLog.Refreshed(logger, project, receiverName, type, description, refreshed, filteredOut);
        return WebhookOutcome.Ok(refreshed, $"Refreshed {refreshed} Warehouse(s).");
    }

    /// <summary>A merged or closed pull request: the Promotions waiting on it run their current step now.</summary>
    private async Task<WebhookOutcome> WakePromotionsAsync(string project, string receiverName, string type, WebhookEvent pullRequest, CancellationToken cancellationToken)
    {
        var promotions = await ListAsync<Promotion>(ResourceKinds.Promotion.Kind, project, cancellationToken).ConfigureAwait(false);
        var woken = 0;
        var now = time.GetUtcNow();
        foreach (var name in WebhookPromotionMatcher.Match(promotions, pullRequest))
        {
            var key = new ResourceKey(ResourceKinds.Promotion.Kind, project, name);
            if (await WarehouseRefresher.RequestAsync(store, key, now, cancellationToken).ConfigureAwait(false) is not null)
            {
                woken++;
            }
        }

        WebhookLog.WokePromotions(logger, project, receiverName, type, pullRequest.Description, woken);
        return WebhookOutcome.Ok(woken, $"Refreshed {woken} Promotion(s).");
    }

    private Task<List<Warehouse>> ListWarehousesAsync(string project, CancellationToken cancellationToken) =>
        ListAsync<Warehouse>(ResourceKinds.Warehouse.Kind, project, cancellationToken);

    private async Task<List<T>> ListAsync<T>(string kind, string project, CancellationToken cancellationToken)
    {
        var items = new List<T>();
        string? continueToken = null;
        do
        {
            var page = await store.ListAsync(new ListQuery(kind, project, Limit: 500, ContinueToken: continueToken), cancellationToken)
                .ConfigureAwait(false);
            items.AddRange(page.Items.Select(KargoJson.FromDocument<T>));
            continueToken = page.ContinueToken;
        }
        while (continueToken is not null);

        return items;
    }
}
