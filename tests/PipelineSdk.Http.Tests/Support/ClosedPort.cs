using System.Net;
using System.Net.Sockets;

namespace PipelineSdk.Http.Tests.Support;

/// <summary>A loopback port that was free a moment ago: connecting to it is refused, so no server ever sees a request.</summary>
internal static class ClosedPort
{
    public static Uri Find()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}");
    }
}
