using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace PipelineSdk.Package.Tests.Architecture;

/// <summary>
/// Which namespace uses which, read from compiled assemblies the way the runtime sees them: base types, interfaces,
/// field, method and local signatures, and every type, method and field a method body's IL names. Nested and
/// compiler-generated types (lambdas, async state machines) count for the namespace of their outermost type.
/// </summary>
internal sealed class NamespaceGraph
{
    private static readonly Dictionary<short, OperandType> OperandTypes = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToDictionary(opCode => opCode.Value, opCode => opCode.OperandType);

    private readonly Dictionary<string, Dictionary<string, string>> _edges = new(StringComparer.Ordinal);

    /// <summary>Namespaces that the graph covers (those the filter accepted), each with no edge yet when it uses nothing.</summary>
    public IReadOnlyCollection<string> Namespaces => _edges.Keys;

    /// <summary>For each used namespace, one type of <paramref name="from"/> that uses it (for error messages).</summary>
    public IReadOnlyDictionary<string, string> UsesOf(string from) => _edges[from];

    /// <summary>Adds the namespaces of one assembly that <paramref name="include"/> accepts, and their uses among themselves.</summary>
    public void Add(byte[] assembly, Func<string, bool> include)
    {
        using var pe = new PEReader(ImmutableArray.Create(assembly));
        var reader = pe.GetMetadataReader();
        var signatures = new SignatureNamespaces(reader);
        foreach (var handle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(handle);
            var from = NamespaceOf(reader, handle);
            if (!include(from))
            {
                continue;
            }

            var uses = _edges.TryGetValue(from, out var existing) ? existing : _edges[from] = new(StringComparer.Ordinal);
            var name = reader.GetString(type.Name);
            foreach (var used in TypeUses(reader, pe, signatures, type).Where(include).Where(used => used != from))
            {
                uses.TryAdd(used, name);
            }
        }
    }

    /// <summary>The namespace of a type definition, or of its outermost declaring type when nested.</summary>
    public static string NamespaceOf(MetadataReader reader, TypeDefinitionHandle handle)
    {
        var type = reader.GetTypeDefinition(handle);
        return type.GetDeclaringType() is { IsNil: false } outer ? NamespaceOf(reader, outer) : reader.GetString(type.Namespace);
    }

    /// <summary>The namespace of a type reference, or of its outermost declaring type when nested.</summary>
    public static string NamespaceOf(MetadataReader reader, TypeReferenceHandle handle)
    {
        var type = reader.GetTypeReference(handle);
        return type.ResolutionScope.Kind == HandleKind.TypeReference
            ? NamespaceOf(reader, (TypeReferenceHandle)type.ResolutionScope)
            : reader.GetString(type.Namespace);
    }

    private static IEnumerable<string> TypeUses(MetadataReader reader, PEReader pe, SignatureNamespaces signatures, TypeDefinition type)
    {
        var uses = new List<string>();
        if (!type.BaseType.IsNil)
        {
            uses.AddRange(signatures.Of(type.BaseType));
        }

        foreach (var implementation in type.GetInterfaceImplementations())
        {
            uses.AddRange(signatures.Of(reader.GetInterfaceImplementation(implementation).Interface));
        }

        foreach (var field in type.GetFields())
        {
            uses.AddRange(reader.GetFieldDefinition(field).DecodeSignature(signatures, null));
        }

        foreach (var methodHandle in type.GetMethods())
        {
            var method = reader.GetMethodDefinition(methodHandle);
            var signature = method.DecodeSignature(signatures, null);
            uses.AddRange(signature.ReturnType);
            uses.AddRange(signature.ParameterTypes.SelectMany(parameter => parameter));
            if (method.RelativeVirtualAddress != 0)
            {
                var body = pe.GetMethodBody(method.RelativeVirtualAddress);
                if (!body.LocalSignature.IsNil)
                {
                    uses.AddRange(reader.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(signatures, null).SelectMany(local => local));
                }

                foreach (var token in Tokens(body.GetILBytes()!))
                {
                    uses.AddRange(TokenUses(reader, signatures, MetadataTokens.EntityHandle(token)));
                }
            }
        }

        return uses;
    }

    private static IEnumerable<string> TokenUses(MetadataReader reader, SignatureNamespaces signatures, EntityHandle handle) => handle.Kind switch
    {
        HandleKind.TypeDefinition or HandleKind.TypeReference or HandleKind.TypeSpecification => signatures.Of(handle),
        HandleKind.MethodDefinition => [NamespaceOf(reader, reader.GetMethodDefinition((MethodDefinitionHandle)handle).GetDeclaringType())],
        HandleKind.FieldDefinition => [NamespaceOf(reader, reader.GetFieldDefinition((FieldDefinitionHandle)handle).GetDeclaringType())],
        HandleKind.MemberReference => TokenUses(reader, signatures, reader.GetMemberReference((MemberReferenceHandle)handle).Parent),
        HandleKind.MethodSpecification => MethodSpecificationUses(reader, signatures, (MethodSpecificationHandle)handle),
        _ => [],
    };

    private static IEnumerable<string> MethodSpecificationUses(MetadataReader reader, SignatureNamespaces signatures, MethodSpecificationHandle handle)
    {
        var specification = reader.GetMethodSpecification(handle);
        return TokenUses(reader, signatures, specification.Method)
            .Concat(specification.DecodeSignature(signatures, null).SelectMany(argument => argument));
    }

    /// <summary>The metadata tokens (types, methods, fields) that the instructions of a method body name.</summary>
    private static IEnumerable<int> Tokens(byte[] il)
    {
        for (var i = 0; i < il.Length;)
        {
            short value = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
            i += il[i] == 0xFE ? 2 : 1;
            var operand = OperandTypes[value];
            if (operand is OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType)
            {
                yield return BitConverter.ToInt32(il, i);
            }

            i += operand switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, i)),
                _ => 4,
            };
        }
    }
}
