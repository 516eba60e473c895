using System.Text.Json;
using System.Text.Json.Nodes;

namespace PipelineSdk.Reactors;

/// <summary>
/// Decodes message-like variables (<c>MSG</c>, <c>_abaco_actor_state</c>): JSON first, then the Python-literal text
/// Abaco delivers for dicts (decision 8), else plain text. Text that claims structure (a JSON content type, or a
/// leading <c>{</c>, <c>[</c> or <c>(</c>) but parses as neither is an error, so a reactor never runs on half a message.
/// </summary>
internal static class MessageDecoder
{
    /// <summary>The decoded value; null for an absent or blank variable and for JSON <c>null</c> / Python <c>None</c>.</summary>
    /// <exception cref="ReactorEnvironmentException">The text claims structure but is neither JSON nor a Python literal.</exception>
    public static JsonNode? Decode(string variable, string? text, MessageContentType contentType)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // A lone surrogate cannot be text (an environment never holds one; a caller-built dictionary might), and the
        // JSON reader would fail on it with an ArgumentException instead of saying where.
        if (LoneSurrogateAt(text) is { } position)
        {
            throw new ReactorEnvironmentException(
                variable, $"{variable} is not valid text: a lone UTF-16 surrogate at position {position}");
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            // Not JSON; Abaco's str() of a dict is the usual reason.
        }

        try
        {
            return PythonLiteral.Parse(text);
        }
        catch (PythonLiteralException e) when (contentType == MessageContentType.Json || LooksStructured(text))
        {
            throw new ReactorEnvironmentException(
                variable, $"{variable} is neither JSON nor a Python literal: {e.Message}", e);
        }
        catch (PythonLiteralException)
        {
            return JsonValue.Create(text);
        }
    }

    private static int? LoneSurrogateAt(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return i;
            }
        }

        return null;
    }

    private static bool LooksStructured(string text) => text.TrimStart() is ['{' or '[' or '(', ..];
}
