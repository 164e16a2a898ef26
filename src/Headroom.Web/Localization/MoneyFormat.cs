using System.Globalization;

namespace Headroom.Web.Localization;

// Shows and reads amounts kept as whole minor units (docs/decisions/0002): ¥12,345.67 for
// 1234567 CNY, in the number style of the reader's culture but the symbol of the currency.
public static class MoneyFormat
{
    private static readonly Dictionary<string, (string Symbol, int Digits)> Currencies = new(StringComparer.OrdinalIgnoreCase)
    {
        ["CNY"] = ("¥", 2), ["USD"] = ("$", 2), ["EUR"] = ("€", 2), ["GBP"] = ("£", 2), ["HKD"] = ("HK$", 2),
        ["JPY"] = ("¥", 0), ["KRW"] = ("₩", 0), ["TWD"] = ("NT$", 2), ["SGD"] = ("S$", 2),
    };

    public static int Digits(string currency) => Currencies.TryGetValue(currency, out var c) ? c.Digits : 2;

    public static string Format(long amountMinor, string currency, CultureInfo culture)
    {
        var (symbol, digits) = Currencies.TryGetValue(currency, out var c) ? c : (currency + " ", 2);
        var format = (NumberFormatInfo)culture.NumberFormat.Clone();
        format.CurrencySymbol = symbol;
        format.CurrencyDecimalDigits = digits;
        return (amountMinor / Pow10(digits)).ToString("C", format);
    }

    // The amount as typed in a form (major units, e.g. "12,345.67"), without a symbol.
    public static string Input(long amountMinor, string currency) =>
        (amountMinor / Pow10(Digits(currency))).ToString("0.##", CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, string currency, CultureInfo culture, out long amountMinor)
    {
        amountMinor = 0;
        var digits = Digits(currency);
        var cleaned = text?.Trim().TrimStart('¥', '$', '€', '£', '₩').Trim();
        if (string.IsNullOrEmpty(cleaned)
            || !(decimal.TryParse(cleaned, NumberStyles.Number, culture, out var amount) || decimal.TryParse(cleaned, NumberStyles.Number, CultureInfo.InvariantCulture, out amount)))
        {
            return false;
        }
        var scaled = amount * Pow10(digits);
        if (scaled != decimal.Truncate(scaled) || scaled > long.MaxValue || scaled < long.MinValue)
        {
            return false;
        }
        amountMinor = (long)scaled;
        return true;
    }

    private static decimal Pow10(int digits) => digits switch { 0 => 1m, 1 => 10m, 2 => 100m, _ => 1000m };
}
