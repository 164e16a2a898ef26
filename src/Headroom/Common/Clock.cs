namespace Headroom.Common;

// The one place that may read the machine clock. Everything else takes a TimeProvider.
public static class Clock
{
    public static TimeProvider System => TimeProvider.System;
}
