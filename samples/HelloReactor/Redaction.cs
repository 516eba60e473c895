using System.Text.RegularExpressions;

namespace HelloReactor;

/// <summary>The callback URL carries the endpoint nonce and the job's callback token: print it without them.</summary>
internal static partial class Redaction
{
    public static string HideSecrets(string url) => Secrets().Replace(url, "$1*****");

    [GeneratedRegex("((?:^|[?&])(?:x-nonce|token)=)[^&]*")]
    private static partial Regex Secrets();
}
