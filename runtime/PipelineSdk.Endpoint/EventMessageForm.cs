namespace PipelineSdk.Endpoint;

/// <summary>Which of the jobs-manager's message forms an event arrived in.</summary>
public enum EventMessageForm
{
    /// <summary>URL parameters only (<c>uuid</c>, <c>event</c> or <c>name</c>, <c>token</c>, <c>note</c>, <c>status</c>) with an empty or non-JSON body.</summary>
    UrlParameters,

    /// <summary>A JSON event body <c>{uuid, name, data, token}</c> over the URL parameters.</summary>
    JsonEvent,

    /// <summary>An Aloe/Agave job notification: the job's JSON with its <c>status</c>, posted to the callback URL.</summary>
    JobNotification,
}
