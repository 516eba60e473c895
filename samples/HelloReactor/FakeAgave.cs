using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace HelloReactor;

/// <summary>
/// Stands in for the Agave jobs API on a free loopback port, since the sample cannot reach a real one: it accepts a job
/// (<c>POST /jobs/v2/</c>), answers its status (<c>GET /jobs/v2/{id}/status</c>) and, once it has answered the
/// submission, runs the job (RUNNING, then FINISHED) by firing the job's notifications as Agave does: the job's JSON
/// posted to each notification registered for the new status, with <c>${JOB_STATUS}</c> filled in.
/// </summary>
internal sealed class FakeAgave : IAsyncDisposable
{
    private static readonly string[] Lifecycle = ["QUEUED", "RUNNING", "ARCHIVING", "FINISHED"];

    private readonly WebApplication _app;
    private readonly HttpClient _http = new();
    private readonly ConcurrentDictionary<string, (JsonObject Job, TaskCompletionSource Done)> _jobs = new();

    private FakeAgave(WebApplication app)
    {
        _app = app;
        _app.MapPost("/jobs/v2/", SubmitAsync);
        _app.MapGet("/jobs/v2/{id}/status", (string id) => _jobs.TryGetValue(id, out var run)
            ? Results.Json(new JsonObject { ["status"] = "success", ["result"] = new JsonObject { ["id"] = id, ["status"] = run.Job["status"]?.DeepClone() } })
            : Results.Json(new JsonObject { ["status"] = "error", ["message"] = "No job found with job id " + id }, statusCode: 404));
    }

    public Uri BaseUri => new(_app.Urls.First());

    public static async Task<FakeAgave> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var agave = new FakeAgave(builder.Build());
        agave._app.Urls.Add("http://127.0.0.1:0");
        await agave._app.StartAsync();
        return agave;
    }

    /// <summary>Completes when the job has finished and its notifications were delivered.</summary>
    public Task WhenDoneAsync(string id) => _jobs[id].Done.Task;

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _http.Dispose();
    }

    private async Task SubmitAsync(HttpContext context)
    {
        var definition = await JsonNode.ParseAsync(context.Request.Body) as JsonObject;
        if (definition?["appId"] is null || definition["notifications"] is not JsonArray notifications)
        {
            await Results.Json(new JsonObject { ["status"] = "error", ["message"] = "Invalid job description" }, statusCode: 400).ExecuteAsync(context);
            return;
        }

        var id = $"{Random.Shared.NextInt64(1_000_000_000_000_000_000, long.MaxValue)}-242ac11b-0001-007";
        var job = new JsonObject { ["id"] = id, ["name"] = definition["name"]?.DeepClone(), ["appId"] = definition["appId"]!.DeepClone(), ["status"] = "ACCEPTED" };
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _jobs[id] = (job, done);
        context.Response.OnCompleted(() =>
        {
            _ = RunAsync(job, [.. notifications.Select(n => n!.AsObject())], done);
            return Task.CompletedTask;
        });
        await Results.Json(new JsonObject { ["status"] = "success", ["result"] = job.DeepClone() }, statusCode: 201).ExecuteAsync(context);
    }

    private async Task RunAsync(JsonObject job, List<JsonObject> notifications, TaskCompletionSource done)
    {
        try
        {
            foreach (var status in Lifecycle)
            {
                job["status"] = status;
                foreach (var notification in notifications.Where(n => (string?)n["event"] == status))
                {
                    var url = ((string)notification["url"]!).Replace("${JOB_STATUS}", status, StringComparison.Ordinal);
                    using var response = await _http.PostAsync(url, new StringContent(job.ToJsonString(), Encoding.UTF8, "application/json"));
                    Console.WriteLine($"Agave notification {status} -> HTTP {(int)response.StatusCode}");
                    response.EnsureSuccessStatusCode();
                }
            }

            done.SetResult();
        }
        catch (Exception error)
        {
            done.SetException(error);
        }
    }
}
