using System.Net;
using System.Text.Json.Nodes;
using System.Text.Json;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PipelineSdk.Errors;
using PipelineSdk.Http;

namespace PipelineSdk.Agave;

/// <summary>
/// The parts of the Agave v2 files API that PipelineJobs use: create an archive folder, delete it (reset), list it
/// (indexing). Creating and deleting only act strictly below <see cref="PipelineHttpOptions.AllowedRoots"/>; a path
/// outside them is refused before anything is sent. Every call goes through the pipeline's retry policy (<see cref="PipelineRetryHandler"/>).
/// </summary>
public sealed class AgaveFilesClient
{
    private readonly PipelineHttpOptions _options;
    private readonly PipelineHttpSender _sender;
    private readonly ILogger<AgaveFilesClient> _logger;
    private readonly IReadOnlyList<string> _allowedRoots;

    /// <summary>Creates the client; normally done by <see cref="Microsoft.Extensions.DependencyInjection.PipelineHttpServiceCollectionExtensions.AddPipelineSdkHttp"/>.</summary>
    /// <exception cref="PipelineJobValidationException">An allowed root is not an absolute path.</exception>
    public AgaveFilesClient(HttpClient http, IOptions<PipelineHttpOptions> options, ILogger<AgaveFilesClient> logger)
    {
        _options = options.Value;
        _logger = logger;
        _sender = new PipelineHttpSender(http, _options);
        _allowedRoots = _options.AllowedRoots
            .Select((root, index) => AgavePath.Normalise(root, $"PipelineHttpOptions.AllowedRoots[{index}]"))
            .ToArray();
    }

    /// <summary>
    /// Creates the folder <paramref name="path"/> and any missing parents. Sent as the original's Agave helpers
    /// (<c>makedirs</c>) send it through agavepy's <c>files.manage</c>: <c>PUT /files/v2/media/system/{system}/</c>
    /// with the JSON body <c>{"action":"mkdir","path":"{absolute path}"}</c>, relying on Agave's recursive mkdir, so a
    /// missing parent (the usual case for a new archive path) is no problem. Does nothing when the path exists.
    /// </summary>
    /// <returns>True when the folder was created, false when it already existed.</returns>
    /// <exception cref="PipelineJobValidationException">The system id is empty, or the path is not strictly below an allowed root.</exception>
    /// <exception cref="AgaveApiException">Agave refused the request or never answered.</exception>
    public async Task<bool> MakeDirectoryAsync(string system, string path, CancellationToken cancellationToken = default)
    {
        var target = Guard("create", system, path);
        if (await ExistsAsync(system, target, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var body = new JsonObject { ["action"] = "mkdir", ["path"] = target }.ToJsonString();
        var uri = MediaUri(system, "/");
        var outcome = await _sender.SendAsync(
            new HttpRequestMessage(HttpMethod.Put, uri) { Content = new StringContent(body, Encoding.UTF8, "application/json") },
            cancellationToken).ConfigureAwait(false);
        EnsureSuccess(outcome, $"Creating {system}:{target}");
        HttpLog.FilesOperationDone(_logger, "mkdir", system, target);
        return true;
    }

    /// <summary>Deletes the file or folder <paramref name="path"/> (recursively, as Agave does).</summary>
    /// <returns>True when it was deleted, false when it did not exist.</returns>
    /// <exception cref="PipelineJobValidationException">The system id is empty, or the path is not strictly below an allowed root.</exception>
    /// <exception cref="AgaveApiException">Agave refused the request or never answered.</exception>
    public async Task<bool> DeleteAsync(string system, string path, CancellationToken cancellationToken = default)
    {
        var target = Guard("delete", system, path);
        var uri = MediaUri(system, target);
        var outcome = await _sender.SendAsync(new HttpRequestMessage(HttpMethod.Delete, uri), cancellationToken)
            .ConfigureAwait(false);
        if (outcome.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        EnsureSuccess(outcome, $"Deleting {system}:{target}");
        HttpLog.FilesOperationDone(_logger, "delete", system, target);
        return true;
    }

    /// <summary>Tells whether <paramref name="path"/> exists on the system (a listing of it succeeds).</summary>
    /// <exception cref="AgaveApiException">Agave refused the request (other than 404) or never answered.</exception>
    public async Task<bool> ExistsAsync(string system, string path, CancellationToken cancellationToken = default)
    {
        var target = AgavePath.Normalise(path, nameof(path));
        var outcome = await GetListingPageAsync(RequireSystem(system), target, limit: 1, offset: 0, cancellationToken).ConfigureAwait(false);
        if (outcome.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        EnsureSuccess(outcome, $"Checking {system}:{target}");
        return true;
    }

    /// <summary>
    /// Lists the files (not folders) in <paramref name="path"/>, page by page (<c>limit</c>/<c>offset</c>), walking
    /// sub-folders when <paramref name="recursive"/> is set. Listing a file returns that file.
    /// </summary>
    /// <returns>The files with absolute paths, ordered by path.</returns>
    /// <exception cref="AgaveApiException">Agave refused a listing (404 included) or never answered.</exception>
    public async Task<IReadOnlyList<AgaveFile>> ListAsync(string system, string path, bool recursive, CancellationToken cancellationToken = default)
    {
        RequireSystem(system);
        var files = new List<AgaveFile>();
        var pending = new Stack<string>();
        pending.Push(AgavePath.Normalise(path, nameof(path)));
        while (pending.TryPop(out var folder))
        {
            foreach (var entry in await ListFolderAsync(system, folder, cancellationToken).ConfigureAwait(false))
            {
                if (entry.IsFolder && recursive)
                {
                    pending.Push(entry.Path);
                }
                else if (!entry.IsFolder)
                {
                    files.Add(new AgaveFile(entry.Path, entry.Length));
                }
            }
        }

        files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return files;
    }

    private async Task<List<ListingEntry>> ListFolderAsync(string system, string folder, CancellationToken cancellationToken)
    {
        var entries = new List<ListingEntry>();
        for (var offset = 0; ; offset += _options.ListingPageSize)
        {
            var outcome = await GetListingPageAsync(system, folder, _options.ListingPageSize, offset, cancellationToken).ConfigureAwait(false);
            EnsureSuccess(outcome, $"Listing {system}:{folder}");
            var page = ReadListingPage(outcome, system, folder);
            entries.AddRange(page.Where(entry => entry is not null)!);
            if (page.Count < _options.ListingPageSize)
            {
                return entries;
            }
        }
    }

    private Task<HttpOutcome> GetListingPageAsync(string system, string folder, int limit, int offset, CancellationToken cancellationToken)
    {
        var uri = ApiUri.Build(
            ApiUri.RequireServer(_options),
            ["files", "v2", "listings", "system", system, .. AgavePath.Segments(folder)],
            [new("limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture)),
             new("offset", offset.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        return _sender.SendAsync(new HttpRequestMessage(HttpMethod.Get, uri), cancellationToken);
    }

    /// <summary>
    /// Reads one page: the entries of <c>result</c> (or a bare array). The entry for the listed path itself (Agave's
    /// "." entry, or the file when a file was listed) maps to null for a folder and to the file for a file.
    /// </summary>
    private static List<ListingEntry?> ReadListingPage(HttpOutcome outcome, string system, string folder)
    {
        JsonArray? items;
        try
        {
            var root = JsonNode.Parse(outcome.Body);
            items = root as JsonArray ?? root?["result"] as JsonArray;
        }
        catch (JsonException)
        {
            items = null;
        }

        if (items is null)
        {
            throw outcome.ToException<AgaveApiException>(
                $"Listing {system}:{folder} returned no 'result' array", static (m, s, h, b, e) => new AgaveApiException(m, s, h, b, e));
        }

        var entries = new List<ListingEntry?>(items.Count);
        foreach (var item in items)
        {
            var name = item?["name"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
            if (name is null || name == ".." || name.Contains('/'))
            {
                // A name that is not one plain segment would make us report (and later delete) the wrong path.
                throw outcome.ToException<AgaveApiException>(
                    $"Listing {system}:{folder} returned an entry whose name is not a single path segment ('{name}')",
                    static (m, s, h, b, e) => new AgaveApiException(m, s, h, b, e));
            }

            entries.Add(ListingEntry.From(item!, name, folder));
        }

        return entries;
    }

    private string Guard(string operation, string system, string path)
    {
        RequireSystem(system);
        try
        {
            return AgavePath.RequireUnderAllowedRoot(path, _allowedRoots, operation, nameof(path));
        }
        catch (PipelineJobValidationException refusal)
        {
            HttpLog.FilesOperationRefused(_logger, operation, system, path, refusal.Message);
            throw;
        }
    }

    private static string RequireSystem(string system) =>
        string.IsNullOrWhiteSpace(system) || system.Contains('/')
            ? throw new PipelineJobValidationException($"system: '{system}' is not an Agave storage system id.")
            : system;

    private Uri MediaUri(string system, string normalisedPath) =>
        ApiUri.Build(ApiUri.RequireServer(_options), ["files", "v2", "media", "system", system, .. AgavePath.Segments(normalisedPath)]);

    private static void EnsureSuccess(HttpOutcome outcome, string what)
    {
        if (!outcome.IsSuccess)
        {
            throw outcome.ToException(what, static (m, s, h, b, e) => new AgaveApiException(m, s, h, b, e));
        }
    }

    /// <summary>One listing entry with its absolute path.</summary>
    private sealed record ListingEntry(string Path, bool IsFolder, long Length)
    {
        public static ListingEntry? From(JsonNode item, string name, string listedPath)
        {
            var isFolder = item["type"] is JsonValue type && type.TryGetValue<string>(out var kind) && kind == "dir";
            var length = item["length"] is JsonValue value && value.TryGetValue<long>(out var bytes) ? bytes : 0;
            var reported = item["path"] is JsonValue path && path.TryGetValue<string>(out var text) ? text : null;
            var isSelf = name is "." or "" || (reported is not null && "/" + reported.TrimStart('/') == listedPath);
            if (isSelf)
            {
                return isFolder ? null : new ListingEntry(listedPath, false, length);
            }

            return new ListingEntry(listedPath == "/" ? "/" + name : listedPath + "/" + name, isFolder, length);
        }
    }
}
