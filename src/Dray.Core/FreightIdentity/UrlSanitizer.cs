using System.Globalization;
using System.Text;

namespace Dray.Core.FreightIdentity;

internal static class UrlSanitizer
{
    /// <summary>Drops characters Go's <c>unicode.IsPrint</c> rejects (controls, BOMs, odd spaces), then trims.</summary>
    public static string RemoveNonPrintable(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var rune in value.EnumerateRunes())
        {
            if (IsPrint(rune))
            {
                builder.Append(rune.ToString());
            }
        }

        return builder.ToString().Trim();
    }

    /// <summary>
    /// Lower-cases and removes every whitespace-like character, including BOMs, zero-width and no-break spaces,
    /// wherever they are; percent-encoded characters are decoded first so encoded spaces go too.
    /// </summary>
    public static string RemoveAllSpaces(string value)
    {
        var decoded = PercentDecode(value.Trim().ToLowerInvariant());
        var builder = new StringBuilder(decoded.Length);
        foreach (var c in decoded)
        {
            if (!char.IsWhiteSpace(c) && c is not ('\uFEFF' or '\u200B' or '\u00A0'))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool IsPrint(Rune rune)
    {
        if (rune.Value == ' ')
        {
            return true;
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
                or UnicodeCategory.OtherNotAssigned or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator => false,
            _ => true,
        };
    }

    private static string PercentDecode(string value)
    {
        if (!value.Contains('%', StringComparison.Ordinal))
        {
            return value;
        }

        try
        {
            return Uri.UnescapeDataString(value);
        }
        catch (UriFormatException)
        {
            return value;
        }
    }
}
