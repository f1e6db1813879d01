using Dray.Core.Resources;

namespace Dray.Core.Manifests.Legacy;

/// <summary>Rewrites old (v0.3 to v1.x) forms into today's, warning once per conversion.</summary>
public static class LegacyConverter
{
    public static void Convert(ManifestDocument document, ManifestDiagnostics diagnostics, StageOriginResolver origins)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(diagnostics);
        ArgumentNullException.ThrowIfNull(origins);
        var edit = new LegacyEdit(document, diagnostics);
        switch (document.Kind)
        {
            case "Namespace" when document.ApiVersion == "v1":
                LegacyCoreConverter.ConvertNamespace(edit);
                break;
            case "Secret" when document.ApiVersion == "v1":
                LegacyCoreConverter.ConvertSecret(edit);
                break;
            case "Warehouse" when document.ApiVersion == ResourceKinds.KargoApiVersion:
                LegacyWarehouseConverter.Convert(edit);
                break;
            case "Stage" when document.ApiVersion == ResourceKinds.KargoApiVersion:
                LegacyStageConverter.Convert(edit, origins);
                break;
        }
    }

    /// <summary>Former field names, for "did you mean" hints on typos of them.</summary>
    public static IReadOnlyDictionary<string, string> FieldAliases => LegacyWarehouseConverter.FieldAliases;
}
