using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using PipelineSdk.Abaco;
using PipelineSdk.Errors;
using PipelineSdk.Identifiers;
using PipelineSdk.Reactors;
using PipelineSdk.Stores;

namespace PipelineSdk.Endpoint;

/// <summary>
/// Carries out an <see cref="EventRequest"/> as the jobs-manager does: <c>index</c>/<c>indexed</c>
/// go to the indexer actor when one is configured; every other event is applied to the job through the store, which
/// checks the token and the transition in its single conditional update. State changes are announced to the events
/// manager when one is configured.
/// </summary>
public sealed class JobEventDispatcher
{
    private readonly IPipelineJobStore _store;
    private readonly PipelineJobEventsOptions _options;
    private readonly IActorMessenger? _messenger;
    private readonly ILogger _logger;

    /// <summary>Creates the dispatcher.</summary>
    /// <param name="store">Where the jobs are.</param>
    /// <param name="options">The indexer and events-manager settings.</param>
    /// <param name="messenger">Sends Abaco messages; needed only when an indexer or events manager is configured.</param>
    /// <param name="logger">Logs forwarding and notification failures (never a token).</param>
    public JobEventDispatcher(IPipelineJobStore store, PipelineJobEventsOptions options, IActorMessenger? messenger, ILogger<JobEventDispatcher> logger)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _options = options;
        _messenger = messenger;
        _logger = logger;
        if (messenger is null && (options.IndexerId is not null || options.EventsManagerId is not null))
        {
            throw new PipelineJobValidationException("An indexer or events manager is configured but no Abaco messenger (AbacoClient) is registered to reach it.");
        }
    }

    /// <summary>Applies or forwards one event.</summary>
    /// <exception cref="PipelineJobException">The store refused the event (unknown job, token, transition); nothing was written.</exception>
    /// <exception cref="PipelineSdk.Abaco.AbacoApiException">The indexer could not be reached.</exception>
    public async Task<EventOutcome> DispatchAsync(EventRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Event is JobEvent.Index or JobEvent.Indexed && _options.IndexerId is { } indexer)
        {
            return await ForwardAsync(request, indexer, cancellationToken).ConfigureAwait(false);
        }

        Task entered = Task.CompletedTask;
        if (_options.StateEnter && _options.EventsManagerId is not null)
        {
            var before = await _store.GetAsync(request.Uuid, cancellationToken).ConfigureAwait(false);
            entered = NotifyAsync(before.Uuid, request.Event, before.State, before.LastEvent);
        }

        var job = await _store.ApplyWithTokenTextAsync(request.Uuid, request.Event, request.Data, request.Token, cancellationToken).ConfigureAwait(false);
        var exited = _options.StateExit && _options.EventsManagerId is not null
            ? NotifyAsync(job.Uuid, request.Event, job.State, job.LastEvent)
            : Task.CompletedTask;
        return new EventOutcome { JobUuid = job.Uuid, State = job.State, LastEvent = job.LastEvent, Notifications = Task.WhenAll(entered, exited) };
    }

    private async Task<EventOutcome> ForwardAsync(EventRequest request, string indexer, CancellationToken cancellationToken)
    {
        // The indexer applies the event; checking here that the job exists and may take it keeps a doomed message
        // from being forwarded and answers the client with the real reason.
        var job = await _store.GetAsync(request.Uuid, cancellationToken).ConfigureAwait(false);
        if (!job.Visible)
        {
            throw new UnknownJobException(job.Uuid, deleted: true);
        }

        if (!JobStateMachine.CanApply(job.State, request.Event))
        {
            throw new InvalidTransitionException(job.State, request.Event);
        }

        var message = new JsonObject { ["name"] = request.Event.ToWireName(), ["uuid"] = request.Uuid };
        if (request.Token is not null)
        {
            message["token"] = request.Token;
        }

        var executionId = await _messenger!.SendMessageAsync(indexer, message, null, cancellationToken).ConfigureAwait(false);
        EndpointLog.Forwarded(_logger, request.Event.ToWireName(), request.Uuid, indexer, executionId);
        return new EventOutcome { JobUuid = job.Uuid, State = job.State, LastEvent = job.LastEvent, ForwardedTo = indexer, ForwardExecutionId = executionId };
    }

    private async Task NotifyAsync(string jobUuid, JobEvent jobEvent, JobState state, JobEvent lastEvent)
    {
        var manager = _options.EventsManagerId!;
        var message = new JsonObject
        {
            ["job_uuid"] = jobUuid,
            ["event_name"] = jobEvent.ToWireName(),
            ["job_state"] = state.ToWireName(),
            ["data"] = new JsonObject { ["last_event"] = lastEvent.ToWireName() },
        };
        try
        {
            // Off the request's cancellation: the event is decided; its announcement should still go out.
            await _messenger!.SendMessageAsync(manager, message, null, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            EndpointLog.NotificationFailed(_logger, manager, jobUuid, e.GetType().Name);
        }
    }
}
