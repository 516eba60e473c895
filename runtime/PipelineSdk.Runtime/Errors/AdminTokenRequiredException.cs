namespace PipelineSdk.Errors;

/// <summary>An administrative operation was attempted without a valid admin token.</summary>
public sealed class AdminTokenRequiredException : InvalidTokenException
{
    /// <summary>Creates the exception naming the operation that needs an admin token.</summary>
    public AdminTokenRequiredException(string operation)
        : base($"'{operation}' needs a valid administrative token; the one given was missing, malformed or outside its time window.")
    {
        Operation = operation;
    }

    /// <summary>The operation or event that was refused.</summary>
    public string Operation { get; }
}
