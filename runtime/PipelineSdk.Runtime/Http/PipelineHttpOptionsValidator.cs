using Microsoft.Extensions.Options;

namespace PipelineSdk.Http;

/// <summary>
/// Checks <see cref="PipelineHttpOptions"/> when the host starts (and at the latest when a client is first created),
/// naming each setting that is out of range.
/// </summary>
internal sealed class PipelineHttpOptionsValidator : IValidateOptions<PipelineHttpOptions>
{
    public ValidateOptionsResult Validate(string? name, PipelineHttpOptions options)
    {
        var problems = new List<string>();
        if (options.ApiServer is { } server && !(server.IsAbsoluteUri && server.Scheme is "http" or "https"))
        {
            problems.Add("PipelineHttpOptions.ApiServer must be an absolute http or https URI.");
        }

        if (options.MaxAttempts < 1)
        {
            problems.Add("PipelineHttpOptions.MaxAttempts must be at least 1.");
        }

        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            problems.Add("PipelineHttpOptions.RequestTimeout must be positive.");
        }

        if (options.InitialRetryDelay < TimeSpan.Zero || options.MaxRetryDelay < options.InitialRetryDelay)
        {
            problems.Add("PipelineHttpOptions.InitialRetryDelay must be non-negative and no more than MaxRetryDelay.");
        }

        if (options.ListingPageSize < 1)
        {
            problems.Add("PipelineHttpOptions.ListingPageSize must be at least 1.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
