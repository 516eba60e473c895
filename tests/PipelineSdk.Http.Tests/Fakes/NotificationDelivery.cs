namespace PipelineSdk.Http.Tests.Fakes;

/// <summary>One notification the fake Agave fired.</summary>
/// <param name="JobId">The Agave job.</param>
/// <param name="Event">The event it was registered for.</param>
/// <param name="Status">The job status that fired it.</param>
/// <param name="HttpStatus">What the notified URL answered.</param>
/// <param name="ResponseBody">The answer's body.</param>
public sealed record NotificationDelivery(string JobId, string Event, string Status, int HttpStatus, string ResponseBody);
