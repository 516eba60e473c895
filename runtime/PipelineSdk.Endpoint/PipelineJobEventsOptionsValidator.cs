using Microsoft.Extensions.Options;

namespace PipelineSdk.Endpoint;

/// <summary>Checks the events endpoint's settings when the host starts, so a bad setting stops it before it listens.</summary>
internal sealed class PipelineJobEventsOptionsValidator : IValidateOptions<PipelineJobEventsOptions>
{
    public ValidateOptionsResult Validate(string? name, PipelineJobEventsOptions options)
    {
        var problems = options.Problems();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
