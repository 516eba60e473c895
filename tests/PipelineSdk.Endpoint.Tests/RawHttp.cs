using System.Net.Sockets;
using System.Text;

namespace PipelineSdk.Endpoint.Tests;

/// <summary>Raw HTTP/1.1 over a loopback socket, for requests no HTTP client would send, and the log rule they keep.</summary>
internal static class RawHttp
{
    /// <summary>No stack trace, no warning or error in the log: a client's malformed request is not the server's failure.</summary>
    public static void AssertQuietLog(EndpointServer server)
    {
        foreach (var line in server.Logs.Lines)
        {
            Assert.DoesNotContain("   at ", line);
            Assert.False(line.StartsWith("Warning", StringComparison.Ordinal) || line.StartsWith("Error", StringComparison.Ordinal) || line.StartsWith("Critical", StringComparison.Ordinal), line);
        }
    }

    /// <summary>Sends raw bytes, half-closes, and reads the status and body of the answer.</summary>
    public static async Task<(int Status, string Body)> SendAsync(Uri server, string request, bool halfClose = false)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.UTF8.GetBytes(request));
        if (halfClose)
        {
            client.Client.Shutdown(SocketShutdown.Send);
        }

        using var reader = new MemoryStream();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await stream.CopyToAsync(reader, timeout.Token);
        }
        catch (IOException) when (halfClose)
        {
            // The server may reset a connection whose client stopped sending mid-body.
        }

        var raw = reader.ToArray();
        var text = Encoding.UTF8.GetString(raw);
        var headerEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (headerEnd < 0 && halfClose)
        {
            return (0, "");
        }

        Assert.True(headerEnd > 0, $"no HTTP answer: '{text}'");
        var status = int.Parse(text.Split(' ', 3)[1], System.Globalization.CultureInfo.InvariantCulture);
        var head = text[..headerEnd];
        var body = text[(headerEnd + 4)..];
        if (head.Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase))
        {
            body = Unchunk(body);
        }
        else if (head.Split("\r\n").FirstOrDefault(h => h.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) is { } length)
        {
            // The connection may carry more answers after this one (to bytes the server read as a next request).
            // The head is ASCII, so its length in characters is its length in bytes.
            body = Encoding.UTF8.GetString(raw, headerEnd + 4, int.Parse(length["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture));
        }

        return (status, body);
    }

    private static string Unchunk(string chunked)
    {
        var body = new StringBuilder();
        var at = 0;
        while (true)
        {
            var lineEnd = chunked.IndexOf("\r\n", at, StringComparison.Ordinal);
            var size = Convert.ToInt32(chunked[at..lineEnd], 16);
            if (size == 0)
            {
                return body.ToString();
            }

            // Bytes and characters agree here: the bodies are ASCII JSON.
            body.Append(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
