using System;
using System.Reflection;
using System.Threading;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;
using NJsonSchema;
using NJsonSchema.Infrastructure;

namespace PipelineSdk.Generator.Schemas;

/// <summary>
/// Builds an NJsonSchema model from a tree already read, instead of from text (NJsonSchema's public readers take only
/// text or a stream, which would mean writing the tree out and reading it again). Uses the serializer settings
/// NJsonSchema 11's own <c>FromJson</c> uses, and publishes them where its nested readers (<c>items</c>,
/// <c>additionalProperties</c>) look for them while this thread deserializes.
/// </summary>
internal static class NJsonSchemaReader
{
    private static readonly IContractResolver ContractResolver = JsonSchema.CreateJsonSerializerContractResolver(SchemaType.JsonSchema);

    private static readonly MethodInfo SetCurrentSettings =
        typeof(JsonSchemaSerialization).GetProperty(nameof(JsonSchemaSerialization.CurrentSerializerSettings))!.GetSetMethod(nonPublic: true)!;

    public static JsonSchema Read(JObject tree, string documentPath, Func<JsonSchema, JsonReferenceResolver> resolverFactory, CancellationToken cancellationToken)
    {
        var settings = new JsonSerializerSettings
        {
            ContractResolver = ContractResolver,
            MetadataPropertyHandling = MetadataPropertyHandling.Ignore,
            ConstructorHandling = ConstructorHandling.Default,
            ReferenceLoopHandling = ReferenceLoopHandling.Serialize,
            PreserveReferencesHandling = PreserveReferencesHandling.None,
            MaxDepth = 128,
        };
        JsonSchema schema;
        SetCurrentSettings.Invoke(null, new object?[] { settings });
        try
        {
            schema = JsonSerializer.Create(settings).Deserialize<JsonSchema>(new JTokenReader(tree))
                ?? throw new InvalidOperationException("the schema of " + documentPath + " read as null");
        }
        finally
        {
            SetCurrentSettings.Invoke(null, new object?[] { null });
        }

        ((IDocumentPathProvider)schema).DocumentPath = documentPath;
        var resolver = resolverFactory(schema);
        resolver.AddDocumentReference(documentPath, schema);
        JsonSchemaReferenceUtilities.UpdateSchemaReferencesAsync(schema, resolver, ContractResolver, cancellationToken).GetAwaiter().GetResult();
        return schema;
    }
}
