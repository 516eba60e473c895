using System.Globalization;

namespace PipelineSdk.Generator.Tests.TestKit;

/// <summary>
/// Distinct small payload schemas made in memory: file <c>i</c> types the <c>update</c> event with its own record
/// (own title, namespace, property names, types and constraints), so no two files collide. Used by the incremental
/// tests and the generator benchmarks.
/// </summary>
public static class PayloadSchemas
{
    private static readonly string[] PropertyShapes =
    [
        """{ "type": "string", "minLength": 1, "maxLength": {0} }""",
        """{ "type": "integer", "minimum": 0, "maximum": {0} }""",
        """{ "type": "number", "exclusiveMinimum": 0, "maximum": {0} }""",
        """{ "type": "boolean" }""",
        """{ "type": "array", "items": { "type": "string", "pattern": "^[a-z]+$" }, "maxItems": {0} }""",
        """{ "type": "string", "enum": ["low", "mid{0}", "high"] }""",
        """{ "type": ["string", "null"], "pattern": "^[A-Z]{2}-[0-9]+$" }""",
    ];

    /// <summary>The data schema of payload file <c>index</c>: a titled object with 3 to 6 properties.</summary>
    public static string DataSchema(int index)
    {
        var count = 3 + (index % 4);
        var properties = Enumerable.Range(0, count)
            .Select(p => $"\"{PropertyName(index, p)}\": {Shape(index, p)}");
        var required = Enumerable.Range(0, 1 + (index % 2)).Select(p => $"\"{PropertyName(index, p)}\"");
        return $$"""
            {
              "title": "Update{{index}}Data",
              "type": "object",
              "description": "Progress note number {{index}}.",
              "properties": { {{string.Join(", ", properties)}} },
              "required": [{{string.Join(", ", required)}}]
            }
            """;
    }

    /// <summary>Payload file <c>index</c>: an Events schema whose <c>x-pipelinejob-payloads</c> types <c>update</c>.</summary>
    public static Schema PayloadFile(int index) =>
        new(
            $"/project/schemas/events/payloads{index:00}.schema.json",
            "Events",
            $$"""
            {
              "$schema": "http://json-schema.org/draft-07/schema#",
              "x-pipelinejob-namespace": "Consumer.Payloads{{index}}",
              "x-pipelinejob-payloads": { "update": { "$ref": "#/definitions/Update{{index}}Data" } },
              "definitions": { "Update{{index}}Data": {{DataSchema(index)}} }
            }
            """);

    private static string PropertyName(int index, int property) =>
        ((char)('a' + ((index + property) % 26))).ToString() + "field" + index.ToString(CultureInfo.InvariantCulture) + "_" + property.ToString(CultureInfo.InvariantCulture);

    private static string Shape(int index, int property) =>
        PropertyShapes[(index + property * 3) % PropertyShapes.Length]
            .Replace("{0}", (10 + index + property).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
