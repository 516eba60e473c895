using System.Runtime.InteropServices;

namespace PipelineSdk.Reactors;

/// <summary>
/// Reads a binary message from Abaco's FIFO as the Python client does: opened read-only and non-blocking, read
/// until end of data or until it would block, so a writer that keeps the FIFO open cannot hang the reactor.
/// </summary>
internal static class BinaryMessageReader
{
    private const int ReadOnlyNonBlocking = 0x800; // O_RDONLY | O_NONBLOCK on Linux
    private const int TryAgain = 11; // EAGAIN on Linux
    private const int Interrupted = 4; // EINTR

    /// <summary>The bytes at <paramref name="path"/>, or null when it does not exist.</summary>
    /// <exception cref="IOException">The FIFO exists but cannot be read.</exception>
    public static byte[]? ReadIfPresent(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        return OperatingSystem.IsLinux() ? ReadNonBlocking(path) : File.ReadAllBytes(path);
    }

    private static byte[] ReadNonBlocking(string path)
    {
        var descriptor = Open(path, ReadOnlyNonBlocking);
        if (descriptor < 0)
        {
            throw new IOException($"{path}: cannot open the binary message (errno {Marshal.GetLastPInvokeError()})");
        }

        try
        {
            using var result = new MemoryStream();
            var buffer = new byte[65536];
            while (true)
            {
                var count = Read(descriptor, buffer, buffer.Length);
                if (count > 0)
                {
                    result.Write(buffer, 0, (int)count);
                    continue;
                }

                var error = count < 0 ? Marshal.GetLastPInvokeError() : 0;
                if (error == Interrupted)
                {
                    continue;
                }

                if (count == 0 || error == TryAgain)
                {
                    return result.ToArray();
                }

                throw new IOException($"{path}: cannot read the binary message (errno {error})");
            }
        }
        finally
        {
            _ = Close(descriptor);
        }
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "read", SetLastError = true)]
    private static extern nint Read(int descriptor, byte[] buffer, nint count);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int Close(int descriptor);
}
