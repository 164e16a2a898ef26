using System.Buffers;
using System.Text;

namespace Headroom.Importing;

// Decides how a CSV file is encoded. Chinese CRMs and Excel on Chinese Windows write GB18030/GBK;
// everything else writes UTF-8. Valid UTF-8 from start to end is UTF-8; anything else is GB18030,
// whose decoder accepts GBK. The whole file is checked (fast, vectorized), because a file can be
// plain ASCII for a million rows and have its first Chinese name at the end.
public static class TextEncodingDetector
{
    private static readonly Lazy<Encoding> Gb18030Encoding = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    });

    public static Encoding Utf8 { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static Encoding Gb18030 => Gb18030Encoding.Value;

    // Offset of the first byte that is not valid UTF-8, or -1 if the whole stream is valid.
    public static long FindInvalidUtf8(Stream stream)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
        var chars = ArrayPool<char>.Shared.Rent(1 << 20);
        try
        {
            long offset = 0;
            var carried = 0;
            int read;
            while ((read = stream.Read(buffer, carried, (1 << 20) - carried)) > 0 || carried > 0)
            {
                var length = carried + read;
                var final = read == 0;
                var status = System.Text.Unicode.Utf8.ToUtf16(buffer.AsSpan(0, length), chars, out var consumed, out _, replaceInvalidSequences: false, isFinalBlock: final);
                if (status == OperationStatus.InvalidData)
                {
                    return offset + consumed;
                }
                if (final && status != OperationStatus.Done)
                {
                    return offset + consumed;
                }
                offset += consumed;
                carried = length - consumed;
                Buffer.BlockCopy(buffer, consumed, buffer, 0, carried);
                if (final)
                {
                    break;
                }
            }
            return -1;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    // Row (header = 1) and zero-based column of a byte offset in a CSV file, honoring quotes.
    public static (int Row, int Column) Locate(Stream stream, long offset)
    {
        int row = 1, column = 0;
        var quoted = false;
        for (long i = 0; i < offset; i++)
        {
            var b = stream.ReadByte();
            if (b < 0)
            {
                break;
            }
            if (b == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && b == ',')
            {
                column++;
            }
            else if (!quoted && b == '\n')
            {
                row++;
                column = 0;
            }
        }
        return (row, column);
    }
}
