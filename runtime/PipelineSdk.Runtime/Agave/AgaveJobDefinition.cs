using System.Text.Json.Nodes;
using PipelineSdk.Errors;
using PipelineSdk.Urls;

namespace PipelineSdk.Agave;

/// <summary>
/// An Agave (Tapis v2) job request, as <c>POST /jobs/v2/</c> takes it: the app to run, its inputs and parameters,
/// where to archive the outputs and whom to notify. Members left null are left out, so Agave's (and the app's)
/// defaults apply.
/// </summary>
/// <remarks>
/// A PipelineJob's launch usually archives to the job's own archive path
/// (<c>ArchiveSystem = job.ArchiveSystem, ArchivePath = job.ArchivePath</c>) and registers the job's
/// <c>AgaveNotifications()</c>, which <see cref="AgaveJobsClient.SubmitAsync"/> takes as its second argument.
/// </remarks>
public sealed record AgaveJobDefinition
{
    /// <summary>Members of the request body that typed properties own; <see cref="AdditionalFields"/> cannot set them.</summary>
    private static readonly string[] TypedFields =
        ["name", "appId", "inputs", "parameters", "archive", "archiveSystem", "archivePath", "notifications"];

    /// <summary>The job's name (<c>name</c>).</summary>
    public required string Name { get; init; }

    /// <summary>The app to run, e.g. <c>tacobot-0.1.0u1</c> (<c>appId</c>).</summary>
    public required string AppId { get; init; }

    /// <summary>The app's inputs by id, each an Agave URI or a list of them (<c>inputs</c>).</summary>
    public JsonObject? Inputs { get; init; }

    /// <summary>The app's parameters by id (<c>parameters</c>).</summary>
    public JsonObject? Parameters { get; init; }

    /// <summary>Whether Agave archives the outputs (<c>archive</c>).</summary>
    public bool? Archive { get; init; }

    /// <summary>The storage system to archive to (<c>archiveSystem</c>).</summary>
    public string? ArchiveSystem { get; init; }

    /// <summary>The folder to archive to (<c>archivePath</c>).</summary>
    public string? ArchivePath { get; init; }

    /// <summary>Notifications of the definition itself; those passed to the submission are added after them.</summary>
    public IReadOnlyList<AgaveNotification> Notifications { get; init; } = [];

    /// <summary>Any other member of Agave's job request (<c>maxRunTime</c>, <c>batchQueue</c>, <c>nodeCount</c>, …).</summary>
    public JsonObject? AdditionalFields { get; init; }

    /// <summary>The request body, with <paramref name="moreNotifications"/> after <see cref="Notifications"/>.</summary>
    /// <exception cref="PipelineJobValidationException">A member is missing or invalid; the message names it.</exception>
    public JsonObject ToJson(IEnumerable<AgaveNotification>? moreNotifications = null)
    {
        var notifications = Notifications.Concat(moreNotifications ?? []).ToList();
        Validate(notifications);
        var body = new JsonObject { ["name"] = Name, ["appId"] = AppId };
        Add(body, "archive", Archive is { } archive ? JsonValue.Create(archive) : null);
        Add(body, "archiveSystem", ArchiveSystem is null ? null : JsonValue.Create(ArchiveSystem));
        Add(body, "archivePath", ArchivePath is null ? null : JsonValue.Create(ArchivePath));
        Add(body, "inputs", Inputs?.DeepClone());
        Add(body, "parameters", Parameters?.DeepClone());
        foreach (var (key, value) in AdditionalFields ?? [])
        {
            body[key] = value?.DeepClone();
        }

        body["notifications"] = new JsonArray([.. notifications.Select(n => n.ToJson())]);
        return body;
    }

    private void Validate(List<AgaveNotification> notifications)
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            throw new PipelineJobValidationException("AgaveJobDefinition.Name: the Agave job needs a name.");
        }

        if (string.IsNullOrWhiteSpace(AppId))
        {
            throw new PipelineJobValidationException("AgaveJobDefinition.AppId: the Agave job needs the id of the app to run.");
        }

        if (AdditionalFields?.Select(p => p.Key).FirstOrDefault(key => TypedFields.Contains(key, StringComparer.Ordinal)) is { } owned)
        {
            throw new PipelineJobValidationException(
                $"AgaveJobDefinition.AdditionalFields['{owned}']: set it through the typed property of the definition instead.");
        }

        for (var i = 0; i < notifications.Count; i++)
        {
            var notification = notifications[i] ?? throw new PipelineJobValidationException($"notifications[{i}]: null.");
            if (string.IsNullOrWhiteSpace(notification.Event))
            {
                throw new PipelineJobValidationException($"notifications[{i}].event: empty; give an Agave job status such as RUNNING.");
            }

            // The URL is not quoted: a callback URL holds the job's callback token and the manager's nonce.
            if (!Uri.TryCreate(notification.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            {
                throw new PipelineJobValidationException($"notifications[{i}].url ({notification.Event}): not an absolute http or https URL.");
            }
        }
    }

    private static void Add(JsonObject body, string key, JsonNode? value)
    {
        if (value is not null)
        {
            body[key] = value;
        }
    }
}
