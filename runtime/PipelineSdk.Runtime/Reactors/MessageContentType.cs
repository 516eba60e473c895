namespace PipelineSdk.Reactors;

/// <summary>The content type Abaco gives a message (<c>_abaco_Content_Type</c> or <c>_abaco_Content-Type</c>).</summary>
public enum MessageContentType
{
    /// <summary>No content type was given, or one Abaco does not define.</summary>
    Unknown,

    /// <summary><c>str</c>: the message was posted as a <c>message</c> field.</summary>
    Str,

    /// <summary><c>application/json</c>: the message was posted as a JSON body.</summary>
    Json,

    /// <summary><c>application/octet-stream</c>: the message is binary and arrives through the FIFO, not <c>MSG</c>.</summary>
    Binary,
}
