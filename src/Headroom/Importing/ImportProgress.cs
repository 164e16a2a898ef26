namespace Headroom.Importing;

// Bytes of the file read so far over all passes, out of Total (file length × passes).
public readonly record struct ImportProgress(string Phase, long Done, long Total);
