namespace PipelineSdk.Identifiers;

/// <summary>
/// The kinds of typed UUID of the data catalog. A typed UUID carries its kind in its first three hex digits
/// (<see cref="UuidTypes.Prefix"/>); the stored snake_case name is <see cref="UuidTypes.Name"/>.
/// </summary>
public enum UuidType
{
    /// <summary><c>generic</c>, prefix 100 (also used to hash archive path segments).</summary>
    Generic,

    /// <summary><c>challenge_problem</c>, prefix 101.</summary>
    ChallengeProblem,

    /// <summary><c>experiment</c>, prefix 102.</summary>
    Experiment,

    /// <summary><c>sample</c>, prefix 103.</summary>
    Sample,

    /// <summary><c>measurement</c>, prefix 104.</summary>
    Measurement,

    /// <summary><c>file</c>, prefix 105.</summary>
    File,

    /// <summary><c>pipeline</c>, prefix 106.</summary>
    Pipeline,

    /// <summary><c>pipelinejob</c>, prefix 107: the id of a pipeline job.</summary>
    PipelineJob,

    /// <summary><c>pipelinejob_event</c>, prefix 108: the id of a job history entry.</summary>
    PipelineJobEvent,

    /// <summary><c>reference</c>, prefix 109.</summary>
    Reference,

    /// <summary><c>product</c>, prefix 110.</summary>
    Product,

    /// <summary><c>upload</c>, prefix 111.</summary>
    Upload,

    /// <summary><c>experiment_design</c>, prefix 114.</summary>
    ExperimentDesign,

    /// <summary><c>input_classifier</c>, prefix 115.</summary>
    InputClassifier,

    /// <summary><c>fixity</c>, prefix 116.</summary>
    Fixity,

    /// <summary><c>process</c>, prefix 117.</summary>
    Process,

    /// <summary><c>annotation</c>, prefix 118.</summary>
    Annotation,

    /// <summary><c>inline_annotation</c>, prefix 119.</summary>
    InlineAnnotation,

    /// <summary><c>query</c>, prefix 120.</summary>
    Query,

    /// <summary><c>dashboard</c>, prefix 121.</summary>
    Dashboard,

    /// <summary><c>tag_annotation</c>, prefix 122.</summary>
    TagAnnotation,

    /// <summary><c>text_annotation</c>, prefix 123.</summary>
    TextAnnotation,

    /// <summary><c>association</c>, prefix 124.</summary>
    Association,

    /// <summary><c>structured_request</c>, prefix 125.</summary>
    StructuredRequest,
}
