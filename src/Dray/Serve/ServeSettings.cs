using Dray.Sources.Oci;

namespace Dray.Cli.Serve;

/// <summary>What <c>dray serve</c> hands the server: where to keep data, where to listen, the admin password.</summary>
/// <param name="DataDirectory">The data directory (SQLite database, keys, git mirrors).</param>
/// <param name="Listen">HOST:PORT to listen on.</param>
/// <param name="AdminPassword">The admin password, or null to keep the stored one (or generate one on first start).</param>
/// <param name="Demo">When true, the demo repositories and project are created once the server runs, unless they exist.</param>
/// <param name="ExternalUrl">The server's public URL, when it differs from the listen address.</param>
/// <param name="PublishEvery">With <paramref name="Demo"/>, how often to tag a new demo-app version; null for never.</param>
/// <param name="ArgoCd">The Argo CD API the argocd-update step talks to; the token comes only from the environment.</param>
/// <param name="FaultExitAfterStep">Test-only: kill the server after saving step N of a Promotion (<c>DRAY_FAULTS_EXIT_AFTER_STEP</c>).</param>
/// <param name="FaultExitBeforeSavingStep">Test-only: kill the server after step N ran, before its status is saved (<c>DRAY_FAULTS_EXIT_BEFORE_SAVING_STEP</c>).</param>
/// <param name="CacheByTagPolicy">What image subscriptions may do with <c>cacheByTag</c>.</param>
internal sealed record ServeSettings(
    string DataDirectory,
    string Listen,
    string? AdminPassword,
    bool Demo = false,
    string? ExternalUrl = null,
    TimeSpan? PublishEvery = null,
    ArgoCdServerSettings? ArgoCd = null,
    int? FaultExitAfterStep = null,
    int? FaultExitBeforeSavingStep = null,
    CacheByTagPolicy CacheByTagPolicy = CacheByTagPolicy.Allow);
