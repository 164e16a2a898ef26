namespace Headroom.Web.Localization;

// The one resource set of the UI: Resources/Localization.Strings.resx (English, the neutral
// culture) and Resources/Localization.Strings.zh-CN.resx.
public sealed class Strings;
