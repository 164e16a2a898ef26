namespace Headroom.Data;

public sealed class UnsafeDatabaseSettingsException(string message) : InvalidOperationException(message);
