namespace Headroom.Assignment;

public sealed class GapFormatException(string message) : Exception(message)
{
    public GapFormatException() : this("The GAP instance is malformed.")
    {
    }

    public GapFormatException(string message, Exception innerException) : this(message + " " + innerException.Message)
    {
    }
}
