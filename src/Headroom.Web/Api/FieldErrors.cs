using Microsoft.Extensions.Localization;
using Headroom.Web.Localization;

namespace Headroom.Web.Api;

// Collects field errors of one request, keyed by the JSON name of the field.
public sealed class FieldErrors(IStringLocalizer<Strings> l) : Dictionary<string, string>
{
    public IStringLocalizer<Strings> Localizer => l;

    public bool Any => Count > 0;

    public string? Text(string field, string? value, int maxLength, bool required)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            if (required)
            {
                TryAdd(field, l["Validation.Required"]);
            }
            return null;
        }
        if (trimmed.Length > maxLength)
        {
            TryAdd(field, string.Format(System.Globalization.CultureInfo.CurrentCulture, l["Validation.MaxLength"], maxLength));
        }
        return trimmed;
    }

    public void Add(string field, LocalizedString message) => TryAdd(field, message.Value);
}
