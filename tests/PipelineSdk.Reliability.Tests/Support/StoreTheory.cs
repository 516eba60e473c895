namespace PipelineSdk.Reliability.Tests.Support;

/// <summary>Theory rows that run every case on every store kind.</summary>
public static class StoreTheory
{
    /// <summary>One row per store kind and case.</summary>
    public static TheoryData<StoreKind, string> OnEveryStore(params string[] cases)
    {
        var data = new TheoryData<StoreKind, string>();
        foreach (var kind in Enum.GetValues<StoreKind>())
        {
            foreach (var name in cases)
            {
                data.Add(kind, name);
            }
        }

        return data;
    }
}
