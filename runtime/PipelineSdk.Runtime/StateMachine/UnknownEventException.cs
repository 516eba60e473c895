using PipelineSdk.Errors;

namespace PipelineSdk;

/// <summary>An event name is not one of the PipelineJob events (for example Agave's <c>updated</c>).</summary>
public sealed class UnknownEventException : PipelineJobException
{
    /// <summary>Creates the exception for the name that was not recognised.</summary>
    public UnknownEventException(string name)
        : base($"'{name}' is not a PipelineJob event; expected one of: {string.Join(", ", JobEvents.WireNames)}.")
    {
        Name = name;
    }

    /// <summary>The name that was given.</summary>
    public string Name { get; }
}
