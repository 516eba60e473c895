namespace PipelineSdk.Configuration;

/// <summary>The type a config schema declares for a key; environment overrides are converted to it.</summary>
public enum ConfigValueType
{
    /// <summary>Text, taken as it is.</summary>
    String,

    /// <summary>A whole number (64-bit).</summary>
    Integer,

    /// <summary>A finite floating-point number.</summary>
    Number,

    /// <summary>true or false, from the table t/true/on/ok/y/yes/1 and f/false/off/n/no/0/'' (any case).</summary>
    Boolean,

    /// <summary>A list of strings: a JSON array of strings, or comma-separated text.</summary>
    StringArray,

    /// <summary>A list of whole numbers: a JSON array of numbers (or of their text), or comma-separated text.</summary>
    IntegerArray,

    /// <summary>A list of finite numbers: a JSON array of numbers (or of their text), or comma-separated text.</summary>
    NumberArray,

    /// <summary>A list of booleans (the <see cref="Boolean"/> table): a JSON array, or comma-separated text.</summary>
    BooleanArray,

    /// <summary>A free-form mapping, given as a JSON object.</summary>
    Object,
}
