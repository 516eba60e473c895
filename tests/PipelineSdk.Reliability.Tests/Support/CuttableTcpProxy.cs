using System.Net;
using System.Net.Sockets;

namespace PipelineSdk.Reliability.Tests.Support;

/// <summary>
/// A loopback TCP relay in front of a server that can be cut (listener closed, every connection reset) and restored
/// on the same port. To a client this looks like the server going down and coming back, while the server keeps its
/// data, so what happened to requests in flight can be read afterwards.
/// </summary>
public sealed class CuttableTcpProxy : IAsyncDisposable
{
    private readonly IPEndPoint _upstream;
    private readonly List<Socket> _sockets = [];
    private TcpListener? _listener;
    private Task? _accepting;

    private CuttableTcpProxy(IPEndPoint upstream)
    {
        _upstream = upstream;
    }

    /// <summary>The port clients connect to; the same across cuts.</summary>
    public int Port { get; private set; }

    /// <summary>Starts relaying from a free loopback port to <paramref name="upstreamPort"/>.</summary>
    public static CuttableTcpProxy Start(int upstreamPort)
    {
        var proxy = new CuttableTcpProxy(new IPEndPoint(IPAddress.Loopback, upstreamPort));
        proxy.Listen(0);
        return proxy;
    }

    /// <summary>Closes the listener and resets every relayed connection (RST, no graceful close).</summary>
    public async Task CutAsync()
    {
        _listener?.Stop();
        lock (_sockets)
        {
            foreach (var socket in _sockets)
            {
                try
                {
                    socket.LingerState = new LingerOption(true, 0);
                }
                catch (ObjectDisposedException)
                {
                    // Closed by its relay in the meantime.
                }

                socket.Dispose();
            }

            _sockets.Clear();
        }

        if (_accepting is not null)
        {
            await _accepting.ConfigureAwait(false);
        }

        _listener = null;
    }

    /// <summary>Listens again on the same port.</summary>
    public void Restore() => Listen(Port);

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await CutAsync().ConfigureAwait(false);

    private void Listen(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _listener = listener;
        _accepting = AcceptAsync(listener);
    }

    private async Task AcceptAsync(TcpListener listener)
    {
        while (true)
        {
            Socket client;
            try
            {
                client = await listener.AcceptSocketAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return; // cut
            }

            var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            lock (_sockets)
            {
                _sockets.Add(client);
                _sockets.Add(server);
            }

            _ = RelayAsync(client, server);
        }
    }

    private async Task RelayAsync(Socket client, Socket server)
    {
        try
        {
            await server.ConnectAsync(_upstream).ConfigureAwait(false);
            await Task.WhenAny(PumpAsync(client, server), PumpAsync(server, client)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Cut while connecting.
        }
        finally
        {
            lock (_sockets)
            {
                _sockets.Remove(client);
                _sockets.Remove(server);
            }

            client.Dispose();
            server.Dispose();
        }
    }

    private static async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            int read;
            while ((read = await from.ReceiveAsync(buffer).ConfigureAwait(false)) > 0)
            {
                await to.SendAsync(buffer.AsMemory(0, read)).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Reset by a cut or by the other side.
        }
    }
}
