using PipelineSdk.Cli.Arguments;

namespace PipelineSdk.Cli.Verbs;

/// <summary>
/// The URLs <c>serve</c> may listen on. Kestrel listens on every interface for a host name it cannot bind (any name
/// but <c>localhost</c>), so only <c>localhost</c> and IP addresses are taken; <c>0.0.0.0</c> or <c>[::]</c> says "every
/// interface" on purpose.
/// </summary>
internal static class ListenUrls
{
    /// <summary>The URL when it is <c>http(s)://localhost-or-IP:port</c> without path, query or credentials.</summary>
    public static string Check(string url, string option)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new UsageException($"{option}: {Quote.Short(url)} is not a valid http:// or https:// URL (host, port 1-65535)");
        }

        if (uri.HostNameType is not (UriHostNameType.IPv4 or UriHostNameType.IPv6) && !string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException(
                $"{option}: host {Quote.Short(uri.Host)} is not localhost or an IP address; the server would listen on every interface (give 0.0.0.0 to mean that)");
        }

        if (uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            throw new UsageException($"{option}: {Quote.Short(url)} must be scheme, host and port only");
        }

        return uri.GetLeftPart(UriPartial.Authority);
    }
}
