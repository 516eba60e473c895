using System.Text.Json.Nodes;
using PipelineSdk.Json;
using PipelineSdk.Python;

namespace PipelineSdk.Reactors;

/// <summary>
/// Decodes message-like variables (<c>MSG</c>, <c>_abaco_actor_state</c>): JSON first, then the Python-literal text
/// Abaco delivers for dicts, else plain text. Text that claims structure (a JSON content type, or a
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

        // The shared strict reader: a text that is JSON but holds a value that cannot be stored (1e999, a duplicate
        // key, a NUL in a key, a lone surrogate) is refused here with its JSON pointer, not left to fail later.
        var (node, problem) = StrictJson.Read(text);
        if (problem is null)
        {
            return node;
        }

        if (problem.Kind == StrictJsonProblemKind.Unstorable)
        {
            throw new ReactorEnvironmentException(variable, problem.Describe(variable));
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

    private static bool LooksStructured(string text) => text.TrimStart() is ['{' or '[' or '(', ..];
}
