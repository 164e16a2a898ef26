using Microsoft.AspNetCore.Identity;

namespace Headroom.Organizations;

// The two ASVS rules Identity has no option for: an upper length limit and the common-password list.
public sealed class PasswordPolicyValidator : IPasswordValidator<AppUser>
{
    public const string TooLong = "PasswordTooLong";
    public const string TooCommon = "PasswordTooCommon";

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (password is null)
        {
            return Task.FromResult(IdentityResult.Success);
        }
        if (password.Length > PasswordPolicy.MaxLength)
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = TooLong,
                Description = $"Passwords must be at most {PasswordPolicy.MaxLength} characters.",
            }));
        }
        if (PasswordPolicy.IsCommon(password) ||
            (user.Email is { } email && password.Contains(email.Split('@')[0], StringComparison.OrdinalIgnoreCase) && email.Split('@')[0].Length >= 4))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = TooCommon,
                Description = "This password is too common or contains your email; choose another.",
            }));
        }
        return Task.FromResult(IdentityResult.Success);
    }
}
