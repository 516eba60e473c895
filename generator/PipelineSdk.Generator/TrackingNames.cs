namespace PipelineSdk.Generator;

/// <summary>One name per pipeline stage, for <c>WithTrackingName</c> and the incremental tests.</summary>
internal static class TrackingNames
{
    public const string Options = nameof(Options);
    public const string Classify = nameof(Classify);
    public const string Documents = nameof(Documents);
    public const string Read = nameof(Read);
    public const string References = nameof(References);
    public const string ReferenceIndex = nameof(ReferenceIndex);
    public const string Library = nameof(Library);
    public const string Closure = nameof(Closure);
    public const string Parse = nameof(Parse);
    public const string Resolve = nameof(Resolve);
    public const string StateMachines = nameof(StateMachines);
    public const string PayloadSets = nameof(PayloadSets);
    public const string Configs = nameof(Configs);
    public const string Messages = nameof(Messages);
    public const string Diagnostics = nameof(Diagnostics);
}
