using Dray.Core.Model.Projects;

namespace Dray.Server.Webhooks;

/// <summary>The receiver a delivery's path names, with its secret value (never printed: see <see cref="ToString"/>).</summary>
public sealed record LocatedReceiver(string Project, WebhookReceiverConfig Receiver, string Secret)
{
    public override string ToString() => $"{Project}/{Receiver.Name}";
}
