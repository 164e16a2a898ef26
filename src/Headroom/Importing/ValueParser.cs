using System.Globalization;

namespace Headroom.Importing;

// Turns cell values into Headroom values. Money never goes through float or double: the text is
// parsed digit by digit into whole minor units, and more fraction digits than the currency has
// is an error rather than a rounding.
public static class ValueParser
{
    private static readonly string[] DateFormats =
    [
        "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd", "yyyy年M月d日", "M/d/yyyy", "MMM d, yyyy", "d MMM yyyy", "MMM d yyyy",
    ];

    private static readonly string[] DateTimeFormats =
    [
        "yyyy-M-d H:mm", "yyyy-M-d H:mm:ss", "yyyy-M-d H:mm:ss.FFFFFFF", "yyyy-M-d'T'H:mm", "yyyy-M-d'T'H:mm:ss", "yyyy-M-d'T'H:mm:ss.FFFFFFF",
        "yyyy/M/d H:mm", "yyyy/M/d H:mm:ss", "yyyy.M.d H:mm", "yyyy.M.d H:mm:ss",
        "yyyy年M月d日 H:mm", "yyyy年M月d日 H:mm:ss", "yyyy年M月d日H:mm", "yyyy年M月d日H时m分",
        "M/d/yyyy h:mm tt", "M/d/yyyy h:mm:ss tt", "M/d/yyyy H:mm", "M/d/yyyy H:mm:ss",
        "MMM d, yyyy h:mm tt", "MMM d, yyyy hh:mm tt", "MMM d, yyyy H:mm",
    ];

    // ISO 4217 minor-unit digits; every currency not listed has 2.
    public static int MinorDigits(string currency) => currency.ToUpperInvariant() switch
    {
        "BIF" or "CLP" or "DJF" or "GNF" or "ISK" or "JPY" or "KMF" or "KRW" or "PYG" or "RWF" or "UGX" or "UYI"
            or "VND" or "VUV" or "XAF" or "XOF" or "XPF" => 0,
        "BHD" or "IQD" or "JOD" or "KWD" or "LYD" or "OMR" or "TND" => 3,
        "CLF" or "UYW" => 4,
        _ => 2,
    };

    // "12,500.50" -> 1250050 for two minor digits. Accepts a leading currency sign or code, spaces
    // and thousands separators. Returns null and a reason on anything else.
    public static long? ParseMoney(string text, string currency, out ImportMessage? problem)
    {
        problem = null;
        var digits = MinorDigits(currency);
        var s = text.Trim();
        foreach (var prefix in new[] { currency.ToUpperInvariant(), "RMB", "CNY", "USD", "EUR", "¥", "￥", "$", "€", "£" })
        {
            if (s.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                s = s[prefix.Length..].TrimStart();
                break;
            }
        }
        if (s.EndsWith('元'))
        {
            s = s[..^1].TrimEnd();
        }
        var negative = false;
        if (s.StartsWith('-') || s.StartsWith('−'))
        {
            negative = true;
            s = s[1..].TrimStart();
        }
        else if (s.StartsWith('(') && s.EndsWith(')'))
        {
            negative = true;
            s = s[1..^1].Trim();
        }
        long whole = 0;
        long fraction = 0;
        var fractionDigits = 0;
        var seenDigit = false;
        var inFraction = false;
        try
        {
            foreach (var c in s)
            {
                if (c is >= '0' and <= '9')
                {
                    seenDigit = true;
                    if (inFraction)
                    {
                        fractionDigits++;
                        if (fractionDigits > digits)
                        {
                            problem = ImportMessage.Of(ImportProblem.TooManyDecimals, text, digits, currency.ToUpperInvariant());
                            return null;
                        }
                        fraction = (fraction * 10) + (c - '0');
                    }
                    else
                    {
                        whole = checked((whole * 10) + (c - '0'));
                    }
                }
                else if (c == '.' && !inFraction)
                {
                    inFraction = true;
                }
                else if ((c is ',' or '，' or ' ' or '\u00A0' or '_' or '\'') && !inFraction)
                {
                    continue;
                }
                else
                {
                    problem = ImportMessage.Of(ImportProblem.NotMoney, text);
                    return null;
                }
            }
            if (!seenDigit)
            {
                problem = ImportMessage.Of(ImportProblem.NotMoney, text);
                return null;
            }
            for (var i = fractionDigits; i < digits; i++)
            {
                fraction *= 10;
            }
            var minor = checked((whole * Pow10(digits)) + fraction);
            return negative ? -minor : minor;
        }
        catch (OverflowException)
        {
            problem = ImportMessage.Of(ImportProblem.MoneyTooLarge, text);
            return null;
        }
    }

    // Minor units back to text with the currency's digits: 1250050 -> "12500.50".
    public static string FormatMoney(long minor, string currency)
    {
        var digits = MinorDigits(currency);
        if (digits == 0)
        {
            return minor.ToString(CultureInfo.InvariantCulture);
        }
        var scale = Pow10(digits);
        var sign = minor < 0 ? "-" : "";
        var abs = Math.Abs((decimal)minor);
        var whole = decimal.Truncate(abs / scale);
        var fraction = abs - (whole * scale);
        return sign + whole.ToString(CultureInfo.InvariantCulture) + "." + fraction.ToString(new string('0', digits), CultureInfo.InvariantCulture);
    }

    private static long Pow10(int n)
    {
        long p = 1;
        for (var i = 0; i < n; i++)
        {
            p *= 10;
        }
        return p;
    }

    public static bool TryParseDate(object value, out DateOnly date)
    {
        switch (value)
        {
            case DateTime dt:
                date = DateOnly.FromDateTime(dt);
                return true;
            case double serial when serial is >= 1 and < 2958466:
                date = DateOnly.FromDateTime(DateTime.FromOADate(serial));
                return true;
            case string s:
                s = s.Trim();
                if (DateOnly.TryParseExact(s, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
                {
                    return true;
                }
                if (TryParseDateTime(s, out var local, out _))
                {
                    date = DateOnly.FromDateTime(local);
                    return true;
                }
                if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && s.Length == 5)
                {
                    return TryParseDate(number, out date);
                }
                break;
        }
        date = default;
        return false;
    }

    // A date and time as written; isUtc is true when the text carried an offset or Z (then the
    // value is already UTC), otherwise it is a wall-clock time in the organization's zone.
    public static bool TryParseDateTime(object value, out DateTime dateTime, out bool isUtc)
    {
        isUtc = false;
        switch (value)
        {
            case DateTime dt:
                dateTime = DateTime.SpecifyKind(dt, DateTimeKind.Unspecified);
                return true;
            case double serial when serial is >= 1 and < 2958466:
                dateTime = DateTime.FromOADate(serial);
                return true;
            case string s:
                s = s.Trim();
                if (DateTime.TryParseExact(s, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out dateTime))
                {
                    return true;
                }
                if (DateOnly.TryParseExact(s, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    dateTime = date.ToDateTime(TimeOnly.MinValue);
                    return true;
                }
                if ((s.EndsWith('Z') || s.Contains('+', StringComparison.Ordinal) || s.LastIndexOf('-') > 10) &&
                    DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var offset))
                {
                    dateTime = offset.UtcDateTime;
                    isUtc = true;
                    return true;
                }
                break;
        }
        dateTime = default;
        return false;
    }

    public static bool TryParseNumber(object value, out double number)
    {
        switch (value)
        {
            case double d:
                number = d;
                return true;
            case string s:
                return double.TryParse(s.Trim().Replace(",", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out number)
                    && double.IsFinite(number);
            default:
                number = 0;
                return false;
        }
    }

    public static bool TryParseInt(object value, out int number)
    {
        if (TryParseNumber(value, out var d) && d == Math.Floor(d) && d is >= int.MinValue and <= int.MaxValue)
        {
            number = (int)d;
            return true;
        }
        number = 0;
        return false;
    }
}
