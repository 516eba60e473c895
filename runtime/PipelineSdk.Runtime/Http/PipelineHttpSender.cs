namespace PipelineSdk.Http;

/// <summary>
/// What the Abaco and Agave clients share: their settings, and one send through the client's pipeline (where
/// <see cref="PipelineRetryHandler"/> retries) turned into an <see cref="HttpOutcome"/>. Failures never throw here: the
/// client builds its own exception from the outcome. The caller's cancellation does throw.
/// </summary>
internal sealed class PipelineHttpSender(HttpClient http, PipelineHttpOptions options)
{
    public PipelineHttpOptions Options { get; } = options;

    /// <summary>Sends <paramref name="request"/> (and disposes it) and returns what came back.</summary>
    public async Task<HttpOutcome> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            HttpOutcome outcome;
            try
            {
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
                outcome = await HttpOutcome.ReadAsync(response, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException error) when (!cancellationToken.IsCancellationRequested)
            {
                outcome = HttpOutcome.Failed(HttpOutcome.DescribeTimeout(Options.RequestTimeout), error);
            }
            catch (HttpRequestException error)
            {
                outcome = HttpOutcome.Failed(HttpOutcome.DescribeFailure(error, Options.RequestTimeout), error, HttpOutcome.IsNeverDelivered(error));
            }

            outcome.Attempts = request.GetAttempts();
            outcome.SentCredentials = request.GetSentCredentials();
            return outcome;
        }
    }
}
