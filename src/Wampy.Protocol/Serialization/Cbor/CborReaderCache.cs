using System.Formats.Cbor;

namespace Wampy.Serialization.Cbor;

/// <summary>Reuses <see cref="CborReader"/> instances per thread (they are reset onto new data), so that decoding does not allocate readers.</summary>
internal static class CborReaderCache
{
    [ThreadStatic]
    private static CborReader? t_reader;

    /// <summary>A reader positioned at the start of <paramref name="data"/>; give it back with <see cref="Return"/>.</summary>
    public static CborReader Rent(ReadOnlyMemory<byte> data, bool allowMultipleRootLevelValues = false)
    {
        var reader = t_reader;
        t_reader = null;
        if (reader is null || allowMultipleRootLevelValues)
        {
            return new CborReader(data, CborConformanceMode.Lax, allowMultipleRootLevelValues);
        }

        reader.Reset(data);
        return reader;
    }

    /// <summary>Gives a reader back for reuse on this thread.</summary>
    public static void Return(CborReader reader)
    {
        if (!reader.AllowMultipleRootLevelValues)
        {
            reader.Reset(ReadOnlyMemory<byte>.Empty);
            t_reader = reader;
        }
    }
}
