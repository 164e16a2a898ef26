using Microsoft.AspNetCore.Identity;

namespace Headroom.Organizations;

// OWASP ASVS 5 level 2 instead of Identity's defaults: length 8–128 and no composition rules
// (ASVS 6.2.1, 6.2.5, 6.2.9), a list of common passwords refused (6.2.4), PBKDF2-HMAC-SHA512 at
// 210,000 iterations (11.4.2, OWASP password storage cheat sheet), lockout after repeated failures.
public static class PasswordPolicy
{
    public const int MinLength = 8;
    public const int MaxLength = 128;
    public const int Pbkdf2Iterations = 210_000;
    public const int MaxFailedAttempts = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    private static readonly Lazy<HashSet<string>> Common = new(LoadCommon);

    public static void Configure(IdentityOptions options)
    {
        options.Password.RequiredLength = MinLength;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequiredUniqueChars = 1;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = MaxFailedAttempts;
        options.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
        options.User.RequireUniqueEmail = true;
        // "Confirmed" means "may sign in": see ActiveUserConfirmation.
        options.SignIn.RequireConfirmedAccount = true;
    }

    public static PasswordHasherOptions HasherOptions() => new()
    {
        CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3,
        IterationCount = Pbkdf2Iterations,
    };

    public static void Configure(PasswordHasherOptions options)
    {
        options.CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3;
        options.IterationCount = Pbkdf2Iterations;
    }

    public static bool IsCommon(string password) => Common.Value.Contains(password);

    private static HashSet<string> LoadCommon()
    {
        using var stream = typeof(PasswordPolicy).Assembly.GetManifestResourceStream("Headroom.Organizations.Passwords.common-passwords.txt")
            ?? throw new InvalidOperationException("The common password list is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                set.Add(line);
            }
        }
        return set;
    }
}
