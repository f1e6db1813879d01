using Dray.Steps.ArgoCd;
using System.ComponentModel.DataAnnotations;
using Dray.Core.Promotions;
using Dray.Sources.Oci;

namespace Dray.Server;

/// <summary>
/// Settings of one Dray server. The host (<c>dray serve</c>) fills them from flags and the environment variables
/// named here; nothing inside the server reads the environment.
/// </summary>
public sealed class DrayServerOptions
{
    public const string DataDirectoryVariable = "DRAY_DATA";
    public const string ListenAddressVariable = "DRAY_LISTEN";
    public const string AdminPasswordVariable = "DRAY_ADMIN_PASSWORD";
    public const string ExternalUrlVariable = "DRAY_EXTERNAL_URL";

    /// <summary>Where the store, <c>auth.db</c> and the Data Protection keys live.</summary>
    [Required]
    public string DataDirectory { get; set; } = ".dray";

    /// <summary><c>host:port</c>; port 0 picks a free port.</summary>
    [Required]
    [RegularExpression(@"^[^\s/]+:\d{1,5}$", ErrorMessage = "ListenAddress must look like host:port, for example 127.0.0.1:8080.")]
    public string ListenAddress { get; set; } = "127.0.0.1:8080";

    /// <summary>The admin password; null keeps the stored one, or generates and prints one on first start.</summary>
    public string? AdminPassword { get; set; }

    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How often an idle watch stream sends a comment line so proxies keep it open.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan WatchHeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The page size used when a list request names none.</summary>
    [Range(1, 10_000)]
    public int DefaultPageSize { get; set; } = 500;

    /// <summary>
    /// The URL clients and webhook senders reach this server at (e.g. behind a proxy); webhook receiver URLs in
    /// ProjectConfig status start with it. Null uses the listen address.
    /// </summary>
    [Url]
    public string? ExternalUrl { get; set; }

    /// <summary>Runs the Warehouse and Promotion controllers; tests that only need the API may switch them off.</summary>
    public bool Controllers { get; set; } = true;

    /// <summary>Lets Warehouses and git steps use <c>file://</c> repositories; only the offline quickstart sets it.</summary>
    public bool AllowFileGitUrls { get; set; }

    /// <summary>Test-only crash points for crash-recovery tests (<c>DRAY_FAULTS_*</c> in <c>dray serve</c>); off by default.</summary>
    public PromotionFaultOptions Faults { get; set; } = new();

    /// <summary>The Argo CD instance the argocd-update step and the Stage health checks talk to.</summary>
    public ArgoCdStepOptions ArgoCd { get; set; } = new();

    /// <summary>What image subscriptions may do with <c>cacheByTag</c> (<c>$DRAY_CACHE_BY_TAG_POLICY</c> in <c>dray serve</c>).</summary>
    public CacheByTagPolicy CacheByTagPolicy { get; set; } = CacheByTagPolicy.Allow;

    internal void CopyTo(DrayServerOptions target)
    {
        target.AllowFileGitUrls = AllowFileGitUrls;
        target.CacheByTagPolicy = CacheByTagPolicy;
        target.ArgoCd = ArgoCd;
        target.Faults = new PromotionFaultOptions();
        Faults.CopyTo(target.Faults);
        target.DataDirectory = DataDirectory;
        target.ListenAddress = ListenAddress;
        target.AdminPassword = AdminPassword;
        target.SessionLifetime = SessionLifetime;
        target.WatchHeartbeatInterval = WatchHeartbeatInterval;
        target.DefaultPageSize = DefaultPageSize;
        target.Controllers = Controllers;
        target.ExternalUrl = ExternalUrl;
    }
}
