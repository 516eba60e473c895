namespace PipelineSdk.Errors;

/// <summary>
/// The embedded store's file cannot be used as given: it is missing where it must exist, or it is not a PipelineSdk
/// job store (not a SQLite database, damaged, or a SQLite database of something else). The file was not modified.
/// </summary>
public sealed class PipelineStoreFileException : PipelineJobException
{
    /// <summary>Creates the exception for <paramref name="filePath"/>.</summary>
    /// <param name="filePath">The file, as a full path.</param>
    /// <param name="problem">What is wrong with it, for example <c>not a SQLite database; the file was not modified</c>.</param>
    /// <param name="innerException">The SQLite error, if any.</param>
    public PipelineStoreFileException(string filePath, string problem, Exception? innerException = null)
        : base($"{filePath}: {problem}.", innerException)
    {
        FilePath = filePath;
    }

    /// <summary>The file.</summary>
    public string FilePath { get; }
}
