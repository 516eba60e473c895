using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.Json;
using PipelineSdk.Auth;
using PipelineSdk.Errors;

namespace PipelineSdk.Agave;

/// <summary>
/// The Agave CLI's token cache file (<c>~/.agave/current</c>): one JSON object with <c>baseurl</c>, <c>apikey</c>,
/// <c>apisecret</c>, <c>username</c>, <c>access_token</c>, <c>refresh_token</c>, <c>created_at</c>,
/// <c>expires_in</c>, <c>expires_at</c> and more. Fields this class does not know are kept when it writes back.
/// </summary>
internal sealed class AgaveTokenCache
{
    private readonly JsonObject _document;

    private AgaveTokenCache(string filePath, JsonObject document)
    {
        FilePath = filePath;
        _document = document;
    }

    public string FilePath { get; }

    public string? BaseUrl => Text("baseurl");

    public string? Username => Text("username");

    public string? ApiKey => Text("apikey");

    public string? ApiSecret => Text("apisecret");

    public string? RefreshToken => Text("refresh_token");

    public AccessToken AccessToken
    {
        get
        {
            var value = Text("access_token");
            if (string.IsNullOrEmpty(value))
            {
                throw new PipelineJobValidationException($"{FilePath}: 'access_token' is missing or empty; log in again.");
            }

            var createdAt = Number("created_at");
            var expiresIn = Number("expires_in");
            DateTimeOffset? expiresAt = createdAt is { } created && expiresIn is { } lifetime
                ? DateTimeOffset.FromUnixTimeSeconds(created).AddSeconds(lifetime)
                : null;
            return new AccessToken(value, expiresAt);
        }
    }

    public static AgaveTokenCache Read(string filePath)
    {
        string text;
        try
        {
            text = File.ReadAllText(filePath);
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new PipelineJobValidationException(
                $"{filePath}: the Agave token cache was not found; log in with the Tapis/Agave CLI, set TAPIS_CACHE_DIR, or configure a static access token.");
        }

        try
        {
            return JsonNode.Parse(text) is JsonObject document
                ? new AgaveTokenCache(filePath, document)
                : throw new PipelineJobValidationException($"{filePath}: the Agave token cache is not a JSON object.");
        }
        catch (JsonException error)
        {
            // The parser's message can quote the file's text, which holds secrets: give the position only.
            throw new PipelineJobValidationException(
                $"{filePath}: the Agave token cache is not valid JSON (line {error.LineNumber + 1}, byte {error.BytePositionInLine}).");
        }
    }

    /// <summary>
    /// Stores a new token pair and writes the file back atomically (a temporary file in the same folder, owner-only,
    /// then a rename), because the old refresh token is now spent and a half-written file would lose the new one.
    /// </summary>
    public void WriteNewTokens(string accessToken, string refreshToken, long expiresInSeconds, DateTimeOffset now)
    {
        _document["access_token"] = accessToken;
        _document["refresh_token"] = refreshToken;
        _document["created_at"] = now.ToUnixTimeSeconds();
        _document["expires_in"] = expiresInSeconds.ToString(CultureInfo.InvariantCulture);
        _document["expires_at"] = now.AddSeconds(expiresInSeconds).UtcDateTime.ToString("ddd MMM d HH:mm:ss yyyy", CultureInfo.InvariantCulture);

        var folder = Path.GetDirectoryName(Path.GetFullPath(FilePath))!;
        var temporary = Path.Combine(folder, $".{Path.GetFileName(FilePath)}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using (var stream = new FileStream(temporary, options))
            {
                JsonSerializer.Serialize(stream, _document);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, FilePath, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private string? Text(string name) => _document[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>A number stored either as a JSON number or as numeric text (the CLI writes both).</summary>
    private long? Number(string name) => _document[name] switch
    {
        JsonValue value when value.TryGetValue<long>(out var number) => number,
        JsonValue value when value.TryGetValue<double>(out var real) => (long)real,
        JsonValue value when value.TryGetValue<string>(out var text)
            && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };
}
