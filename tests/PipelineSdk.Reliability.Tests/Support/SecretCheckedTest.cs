namespace PipelineSdk.Reliability.Tests.Support;

/// <summary>
/// Base of every test class of this project: when the class's tests end, no registered secret may have appeared in
/// any log line or exception message observed so far by the whole suite.
/// </summary>
public abstract class SecretCheckedTest : IDisposable
{
    /// <summary>Asserts the suite-wide secret check.</summary>
    public virtual void Dispose()
    {
        Assert.Empty(SuiteSecrets.Leaks);
        GC.SuppressFinalize(this);
    }
}
