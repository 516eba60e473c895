namespace PipelineSdk.Generator.Model;

/// <summary>The C# shape a schema value maps to.</summary>
internal enum ValueKind
{
    String,
    Integer,
    Number,
    Boolean,
    Enum,
    Object,
    Array,
    /// <summary>Several or no declared types: a <c>JsonNode</c>, checked against the declared types.</summary>
    Json,
}
