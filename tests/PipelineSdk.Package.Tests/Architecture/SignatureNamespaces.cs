using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace PipelineSdk.Package.Tests.Architecture;

/// <summary>Decodes a metadata signature into the namespaces of the types it names (generic arguments included).</summary>
internal sealed class SignatureNamespaces(MetadataReader reader) : ISignatureTypeProvider<ImmutableArray<string>, object?>
{
    private static readonly ImmutableArray<string> None = [];

    public ImmutableArray<string> GetPrimitiveType(PrimitiveTypeCode typeCode) => None;

    public ImmutableArray<string> GetTypeFromDefinition(MetadataReader metadata, TypeDefinitionHandle handle, byte rawTypeKind) =>
        [NamespaceGraph.NamespaceOf(metadata, handle)];

    public ImmutableArray<string> GetTypeFromReference(MetadataReader metadata, TypeReferenceHandle handle, byte rawTypeKind) =>
        [NamespaceGraph.NamespaceOf(metadata, handle)];

    public ImmutableArray<string> GetTypeFromSpecification(MetadataReader metadata, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
        metadata.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

    public ImmutableArray<string> GetSZArrayType(ImmutableArray<string> elementType) => elementType;

    public ImmutableArray<string> GetArrayType(ImmutableArray<string> elementType, ArrayShape shape) => elementType;

    public ImmutableArray<string> GetByReferenceType(ImmutableArray<string> elementType) => elementType;

    public ImmutableArray<string> GetPointerType(ImmutableArray<string> elementType) => elementType;

    public ImmutableArray<string> GetPinnedType(ImmutableArray<string> elementType) => elementType;

    public ImmutableArray<string> GetModifiedType(ImmutableArray<string> modifier, ImmutableArray<string> unmodifiedType, bool isRequired) => unmodifiedType;

    public ImmutableArray<string> GetGenericInstantiation(ImmutableArray<string> genericType, ImmutableArray<ImmutableArray<string>> typeArguments) =>
        [.. genericType, .. typeArguments.SelectMany(argument => argument)];

    public ImmutableArray<string> GetGenericMethodParameter(object? genericContext, int index) => None;

    public ImmutableArray<string> GetGenericTypeParameter(object? genericContext, int index) => None;

    public ImmutableArray<string> GetFunctionPointerType(MethodSignature<ImmutableArray<string>> signature) =>
        [.. signature.ReturnType, .. signature.ParameterTypes.SelectMany(parameter => parameter)];

    /// <summary>The namespaces a type token (definition, reference or specification) names.</summary>
    public ImmutableArray<string> Of(EntityHandle handle) => handle.Kind switch
    {
        HandleKind.TypeDefinition => [NamespaceGraph.NamespaceOf(reader, (TypeDefinitionHandle)handle)],
        HandleKind.TypeReference => [NamespaceGraph.NamespaceOf(reader, (TypeReferenceHandle)handle)],
        HandleKind.TypeSpecification => reader.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(this, null),
        _ => None,
    };
}
