namespace PipelineSdk.Cli.Tests;

/// <summary>A fresh embedded-store file name in the temp folder; disposing deletes the file and its companions.</summary>
internal sealed class TempStoreFile(string purpose) : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"pipelinejobs-{purpose}-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        foreach (var file in Directory.GetFiles(System.IO.Path.GetTempPath(), System.IO.Path.GetFileName(Path) + "*"))
        {
            File.Delete(file);
        }
    }
}
