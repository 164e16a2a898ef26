namespace Headroom.Cli;

// Documented in README.md; scripts rely on them.
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int Usage = 2;
    public const int InvalidInput = 3;
    public const int DatabaseError = 4;
    public const int NotFound = 5;
}
