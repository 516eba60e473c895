using System.Text;

namespace PipelineSdk.Json;

/// <summary>Why <see cref="StrictJson"/> refused a text, and where.</summary>
/// <param name="Kind">Not JSON at all, or JSON holding a value that cannot be stored.</param>
/// <param name="Pointer">The JSON pointer of the refused value or key (empty for the whole text or the root value).</param>
/// <param name="BytePosition">The 0-based byte offset where the problem starts; -1 when the text was not UTF-8 yet.</param>
/// <param name="Reason">What is wrong, never quoting the text.</param>
public sealed record StrictJsonProblem(StrictJsonProblemKind Kind, string Pointer, long BytePosition, string Reason)
{
    /// <summary>The problem as one sentence naming <paramref name="source"/>, the pointer and the byte.</summary>
    public string Describe(string source)
    {
        var text = new StringBuilder(source).Append(": ").Append(Reason);
        if (Pointer.Length > 0)
        {
            text.Append(" at JSON pointer '").Append(Pointer).Append('\'');
        }

        return (BytePosition >= 0 ? text.Append(" (byte ").Append(BytePosition + 1).Append(')') : text).Append('.').ToString();
    }
}

/// <summary>The two kinds of <see cref="StrictJsonProblem"/>.</summary>
public enum StrictJsonProblemKind
{
    /// <summary>The text is not JSON (grammar, encoding, nesting deeper than <see cref="StrictJson.MaxDepth"/>).</summary>
    Syntax,

    /// <summary>The text is JSON but holds a value the SDK cannot store and read back.</summary>
    Unstorable,
}

/// <summary>The outcome of <see cref="StrictJson.Read(System.ReadOnlySpan{byte})"/>: a value or a problem.</summary>
/// <param name="Node">The parsed value (null for JSON <c>null</c> or when there is a problem).</param>
/// <param name="Problem">The first problem found, or null.</param>
public readonly record struct StrictJsonResult(System.Text.Json.Nodes.JsonNode? Node, StrictJsonProblem? Problem);
