using Headroom.Organizations;
using Headroom.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Headroom.Web.Auth;

// Identity's error descriptions are English only; the UI shows its own text for each code.
public static class IdentityMessages
{
    public static string For(IStringLocalizer<Strings> l, IdentityError error) => error.Code switch
    {
        "PasswordTooShort" => l["Password.TooShort"],
        PasswordPolicyValidator.TooLong => l["Password.TooLong"],
        PasswordPolicyValidator.TooCommon => l["Password.TooCommon"],
        "DuplicateEmail" or "DuplicateUserName" => l["Email.Taken"],
        "InvalidEmail" or "InvalidUserName" => l["Setup.EmailInvalid"],
        "PasswordMismatch" => l["Profile.CurrentPasswordWrong"],
        _ => error.Description,
    };
}
