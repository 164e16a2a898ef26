namespace Headroom.Demo;

// Reported synchronously by the seeder as each phase advances; Total may be 0 until known.
public readonly record struct DemoProgress(DemoPhase Phase, long Done, long Total);
