using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PipelineSdk.Http.Tests.Fakes;

/// <summary>
/// A real HTTP server on 127.0.0.1 (free port) that behaves like the parts of Tapis/Agave v2 the SDK uses: the Abaco
/// messages endpoint, the Agave files media/listings endpoints over an in-memory tree, the Agave jobs endpoints
/// (<see cref="Jobs"/>), and the OAuth token endpoint with single-use refresh tokens. <see cref="Script"/> queues failures that replace the next responses.
/// </summary>
public sealed class FakeTapisServer : IAsyncDisposable
{
    public const string ApiKey = "fake-api-key";
    public const string ApiSecret = "fake-api-secret-9f8e7d";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ScriptedResponse> _script = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentQueue<RecordedRequest> _tokenRequests = new();
    private readonly Dictionary<(string System, string Path), long?> _files = new();
    private readonly object _gate = new();
    private int _executions;
    private int _issuedTokens;

    private FakeTapisServer(WebApplication app)
    {
        _app = app;
        _app.Run(HandleAsync);
    }

    public Uri BaseUri { get; private set; } = null!;

    /// <summary>When set, requests without this bearer token (or the valid nonce) get 401.</summary>
    public string? ValidAccessToken { get; set; }

    /// <summary>A nonce that authenticates in place of the bearer token.</summary>
    public string? ValidNonce { get; set; }

    /// <summary>The one refresh token the token endpoint accepts; replaced at each refresh (single-use).</summary>
    public string? CurrentRefreshToken { get; set; }

    /// <summary>Lifetime reported by the token endpoint, in seconds.</summary>
    public int IssuedTokenLifetime { get; set; } = 14400;

    /// <summary>How long the token endpoint takes, so concurrent callers overlap.</summary>
    public TimeSpan TokenEndpointDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Answer with <c>execution_id</c> instead of <c>executionId</c> (a <c>web.case: snake</c> deployment).</summary>
    public bool SnakeCase { get; set; }

    /// <summary>
    /// Replaces the Abaco messages behaviour (after authorisation): receives the context, the actor id and the body,
    /// and writes the answer itself. Lets a test stand in for an actor such as the events endpoint.
    /// </summary>
    public Func<HttpContext, string, string, Task>? MessageHandler { get; set; }

    /// <summary>The jobs API: submissions, statuses, and the notifications each job fires as it runs.</summary>
    public FakeAgaveJobs Jobs { get; } = new();

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    public IReadOnlyList<RecordedRequest> TokenRequests => _tokenRequests.ToArray();

    public static async Task<FakeTapisServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var server = new FakeTapisServer(builder.Build());
        await server._app.StartAsync();
        var address = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUri = new Uri(address);
        return server;
    }

    public void Script(params ScriptedResponse[] responses)
    {
        foreach (var response in responses)
        {
            _script.Enqueue(response);
        }
    }

    public void AddFolder(string system, string path)
    {
        lock (_gate)
        {
            AddWithParents(system, path, null);
        }
    }

    public void AddFile(string system, string path, long length)
    {
        lock (_gate)
        {
            AddWithParents(system, path, length);
        }
    }

    public bool Exists(string system, string path)
    {
        lock (_gate)
        {
            return _files.ContainsKey((system, path));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        Jobs.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        // One connection per request: a reset then always hits a fresh connection, so HttpClient's own silent
        // re-send of a request that failed on a reused pooled connection never changes what the tests count.
        context.Response.Headers.Connection = "close";
        var rawTarget = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
        var recorded = new RecordedRequest(
            context.Request.Method, rawTarget, context.Request.Headers.Authorization.FirstOrDefault(), body, context.Request.ContentType);
        var segments = recorded.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();

        if (segments is ["token"] && context.Request.Method == "POST")
        {
            _tokenRequests.Enqueue(recorded);
            await IssueTokenAsync(context, body);
            return;
        }

        _requests.Enqueue(recorded);
        if (_script.TryDequeue(out var scripted))
        {
            if (scripted.Delay > TimeSpan.Zero)
            {
                await Task.Delay(scripted.Delay, context.RequestAborted);
            }

            if (scripted.ResetConnection)
            {
                context.Abort();
                return;
            }

            if (!scripted.PassThrough)
            {
                foreach (var (name, value) in scripted.Headers ?? new Dictionary<string, string>())
                {
                    context.Response.Headers[name] = value;
                }

                await Reply(context, scripted.Status, scripted.Body);
                return;
            }
        }

        if (!IsAuthorised(context, recorded))
        {
            await Reply(context, 401, """{"fault":{"code":900901,"message":"Invalid Credentials","description":"Access failure for API"}}""");
            return;
        }

        await (segments switch
        {
            ["actors", "v2", var actor, "messages"] when context.Request.Method == "POST" && MessageHandler is { } handler => handler(context, actor, body),
            ["actors", "v2", var actor, "messages"] when context.Request.Method == "POST" => AcceptMessage(context, actor),
            ["files", "v2", "media", "system", var system, .. var path] => ManageFile(context, system, "/" + string.Join('/', path), body),
            ["files", "v2", "listings", "system", var system, .. var path] => List(context, system, "/" + string.Join('/', path)),
            ["jobs", "v2"] when context.Request.Method == "POST" => Jobs.SubmitAsync(context, body),
            ["jobs", "v2", var id, "status"] when context.Request.Method == "GET" => Jobs.StatusAsync(context, id),
            _ => Reply(context, 404, """{"status":"error","message":"no such route"}"""),
        });
    }

    private bool IsAuthorised(HttpContext context, RecordedRequest request)
    {
        if (ValidAccessToken is null)
        {
            return true;
        }

        var nonce = context.Request.Query["x-nonce"].FirstOrDefault();
        return nonce is not null ? nonce == ValidNonce : request.Authorization == "Bearer " + ValidAccessToken;
    }

    private Task AcceptMessage(HttpContext context, string actor)
    {
        var id = $"exec-{Interlocked.Increment(ref _executions)}";
        var result = new JsonObject { [SnakeCase ? "execution_id" : "executionId"] = id, ["actor"] = actor };
        return Reply(context, 200, new JsonObject { ["status"] = "success", ["message"] = "Actor message accepted.", ["result"] = result }.ToJsonString());
    }

    private Task ManageFile(HttpContext context, string system, string path, string body)
    {
        lock (_gate)
        {
            switch (context.Request.Method)
            {
                case "PUT":
                    // Agave's mkdir is recursive: "path" is resolved against the folder in the URL, parents are created.
                    var operation = JsonNode.Parse(body)!;
                    var folderExists = path == "/" || (_files.TryGetValue((system, path), out var parent) && parent is null);
                    if ((string?)operation["action"] != "mkdir" || !folderExists)
                    {
                        return Reply(context, 400, """{"status":"error","message":"bad mkdir"}""");
                    }

                    AddWithParents(system, path + "/" + (string)operation["path"]!, null);
                    return Reply(context, 201, """{"status":"success","result":{}}""");
                case "DELETE":
                    if (!_files.ContainsKey((system, path)))
                    {
                        return Reply(context, 404, """{"status":"error","message":"File/folder does not exist"}""");
                    }

                    foreach (var key in _files.Keys.Where(k => k.System == system && (k.Path == path || k.Path.StartsWith(path + "/"))).ToList())
                    {
                        _files.Remove(key);
                    }

                    return Reply(context, 200, """{"status":"success","result":null}""");
                default:
                    return Reply(context, 405, string.Empty);
            }
        }
    }

    private Task List(HttpContext context, string system, string path)
    {
        var limit = int.Parse(context.Request.Query["limit"].FirstOrDefault() ?? "100");
        var offset = int.Parse(context.Request.Query["offset"].FirstOrDefault() ?? "0");
        JsonArray page;
        lock (_gate)
        {
            if (!_files.TryGetValue((system, path), out var length))
            {
                return Reply(context, 404, """{"status":"error","message":"File/folder does not exist"}""");
            }

            var entries = new List<JsonObject> { Entry(path, length, ".") };
            if (length is null)
            {
                entries.AddRange(_files
                    .Where(f => f.Key.System == system && f.Key.Path.StartsWith(path + "/") && !f.Key.Path[(path.Length + 1)..].Contains('/'))
                    .OrderBy(f => f.Key.Path, StringComparer.Ordinal)
                    .Select(f => Entry(f.Key.Path, f.Value, null)));
            }

            page = new JsonArray(entries.Skip(offset).Take(limit).ToArray<JsonNode?>());
        }

        return Reply(context, 200, new JsonObject { ["status"] = "success", ["result"] = page }.ToJsonString());
    }

    /// <summary>A listing entry as Agave v2 gives it: the path without its leading slash, "." for a listed folder itself.</summary>
    private static JsonObject Entry(string path, long? length, string? selfName) => new()
    {
        ["name"] = length is null && selfName is not null ? selfName : path[(path.LastIndexOf('/') + 1)..],
        ["path"] = path.TrimStart('/'),
        ["type"] = length is null ? "dir" : "file",
        ["format"] = length is null ? "folder" : "raw",
        ["length"] = length ?? 0,
    };

    private async Task IssueTokenAsync(HttpContext context, string body)
    {
        await Task.Delay(TokenEndpointDelay);
        var form = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(body);
        var expectedBasic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ApiKey}:{ApiSecret}"));
        if (context.Request.Headers.Authorization != expectedBasic)
        {
            await Reply(context, 401, """{"error":"invalid_client"}""");
            return;
        }

        lock (_gate)
        {
            if (!context.Request.ContentType!.StartsWith("application/x-www-form-urlencoded")
                || form["grant_type"] != "refresh_token" || form["scope"] != "PRODUCTION" || form["refresh_token"] != CurrentRefreshToken)
            {
                context.Response.StatusCode = 400;
            }
            else
            {
                var n = ++_issuedTokens;
                ValidAccessToken = $"issued-access-{n}-a1b2c3";
                CurrentRefreshToken = $"issued-refresh-{n}-d4e5f6";
            }
        }

        if (context.Response.StatusCode == 400)
        {
            await Reply(context, 400, """{"error":"invalid_grant","error_description":"Provided Authorization Grant is invalid"}""");
            return;
        }

        await Reply(context, 200, new JsonObject
        {
            ["access_token"] = ValidAccessToken,
            ["refresh_token"] = CurrentRefreshToken,
            ["token_type"] = "bearer",
            ["scope"] = "default",
            ["expires_in"] = IssuedTokenLifetime,
        }.ToJsonString());
    }

    private void AddWithParents(string system, string path, long? length)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        _files[(system, "/")] = null;
        for (var i = 1; i < parts.Length; i++)
        {
            _files[(system, "/" + string.Join('/', parts[..i]))] = null;
        }

        _files[(system, "/" + string.Join('/', parts))] = length;
    }

    internal static Task Reply(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body);
    }
}
