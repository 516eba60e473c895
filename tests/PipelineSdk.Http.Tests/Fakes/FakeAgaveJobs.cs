using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace PipelineSdk.Http.Tests.Fakes;

/// <summary>
/// The Agave v2 jobs API of <see cref="FakeTapisServer"/>: accepts a submission (<c>POST /jobs/v2/</c>), answers its
/// status (<c>GET /jobs/v2/{id}/status</c>), and once the submission is answered runs the job through
/// <see cref="Lifecycle"/> by itself, firing the registered notifications as Agave does: the job's JSON posted to each
/// notification whose event is the new status (or <c>*</c>), with <c>${JOB_STATUS}</c> and <c>${JOB_ID}</c> filled in;
/// a notification that is not persistent fires once.
/// </summary>
public sealed class FakeAgaveJobs : IDisposable
{
    private readonly HttpClient _http = new();
    private readonly ConcurrentDictionary<string, AgaveJobRun> _jobs = new();
    private readonly ConcurrentQueue<NotificationDelivery> _deliveries = new();
    private int _submissions;

    /// <summary>
    /// The statuses a submitted job goes through after ACCEPTED, in order. Empty by default: the job stays ACCEPTED
    /// and no notification is fired (the URLs of a test's definition may point anywhere).
    /// </summary>
    public IReadOnlyList<string> Lifecycle { get; set; } = [];

    /// <summary>Every notification fired, in order.</summary>
    public IReadOnlyList<NotificationDelivery> Deliveries => _deliveries.ToArray();

    /// <summary>The body of every accepted submission.</summary>
    public IReadOnlyList<JsonObject> Submitted => _jobs.Values.OrderBy(run => run.Number).Select(run => run.Definition).ToList();

    /// <summary>Completes when the job has gone through its lifecycle and every notification was delivered.</summary>
    public Task WhenDoneAsync(string id) => _jobs[id].Done.Task.WaitAsync(TimeSpan.FromSeconds(60));

    public void Dispose() => _http.Dispose();

    internal Task SubmitAsync(HttpContext context, string body)
    {
        var definition = JsonNode.Parse(body) as JsonObject;
        var problem = definition is null ? "the body is not a JSON object"
            : definition["name"] is null ? "name is required"
            : definition["appId"] is null ? "appId is required"
            : definition["notifications"] is JsonArray notifications && notifications.Any(n => n?["url"] is null || n["event"] is null) ? "a notification needs url and event"
            : null;
        if (problem is not null)
        {
            return FakeTapisServer.Reply(context, 400, new JsonObject { ["status"] = "error", ["message"] = "Invalid job description: " + problem }.ToJsonString());
        }

        var number = Interlocked.Increment(ref _submissions);
        var id = $"65836539339285{number:D5}-242ac11b-0001-007";
        var run = new AgaveJobRun(number, id, definition!);
        _jobs[id] = run;
        // Agave starts the job after it has answered the submission.
        context.Response.OnCompleted(() =>
        {
            _ = Task.Run(() => RunAsync(run));
            return Task.CompletedTask;
        });
        return FakeTapisServer.Reply(context, 201, new JsonObject { ["status"] = "success", ["message"] = null, ["result"] = run.ToJson() }.ToJsonString());
    }

    internal Task StatusAsync(HttpContext context, string id) =>
        _jobs.TryGetValue(id, out var run)
            ? FakeTapisServer.Reply(context, 200, new JsonObject
            {
                ["status"] = "success",
                ["result"] = new JsonObject { ["id"] = id, ["status"] = run.Status },
            }.ToJsonString())
            : FakeTapisServer.Reply(context, 404, new JsonObject { ["status"] = "error", ["message"] = $"No job found with job id {id}" }.ToJsonString());

    private async Task RunAsync(AgaveJobRun run)
    {
        try
        {
            var pending = (run.Definition["notifications"] as JsonArray ?? []).Select(n => n!.AsObject()).ToList();
            foreach (var status in Lifecycle)
            {
                run.Status = status;
                foreach (var notification in pending.Where(n => (string?)n["event"] is { } e && (e == status || e == "*")).ToList())
                {
                    await DeliverAsync(run, notification, status);
                    if (notification["persistent"]?.GetValue<bool>() != true)
                    {
                        pending.Remove(notification);
                    }
                }
            }

            run.Done.SetResult();
        }
        catch (Exception error)
        {
            run.Done.SetException(error);
        }
    }

    private async Task DeliverAsync(AgaveJobRun run, JsonObject notification, string status)
    {
        var url = ((string)notification["url"]!).Replace("${JOB_STATUS}", status, StringComparison.Ordinal).Replace("${JOB_ID}", run.Id, StringComparison.Ordinal);
        using var response = await _http.PostAsync(url, new StringContent(run.ToJson().ToJsonString(), Encoding.UTF8, "application/json"));
        _deliveries.Enqueue(new NotificationDelivery(run.Id, (string)notification["event"]!, status, (int)response.StatusCode, await response.Content.ReadAsStringAsync()));
    }

    /// <summary>One submitted job and where it is in its lifecycle.</summary>
    private sealed class AgaveJobRun(int number, string id, JsonObject definition)
    {
        public int Number { get; } = number;

        public string Id { get; } = id;

        public JsonObject Definition { get; } = definition;

        public string Status { get; set; } = "ACCEPTED";

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>The job as Agave describes it (and posts it to notifications).</summary>
        public JsonObject ToJson() => new()
        {
            ["id"] = Id,
            ["name"] = Definition["name"]?.DeepClone(),
            ["owner"] = "sd2eadm",
            ["appId"] = Definition["appId"]?.DeepClone(),
            ["executionSystem"] = "hpc-tacc-maverick2",
            ["archivePath"] = Definition["archivePath"]?.DeepClone(),
            ["status"] = Status,
            ["retries"] = 0,
            ["localId"] = "4481412",
            ["_links"] = new JsonObject { ["self"] = new JsonObject { ["href"] = "https://api.sd2e.org/jobs/v2/" + Id } },
        };
    }
}
