using System;
using System.Collections.Generic;
using System.Threading;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using PipelineSdk.Generator.Inputs;
using PipelineSdk.Generator.References;

namespace PipelineSdk.Generator.Schemas;

/// <summary>
/// The schema files of one compilation, by path, so that <c>$ref</c>s to sibling files resolve from the
/// AdditionalFiles and never from the disk. Holds the trees the pipeline read; builds each NJsonSchema model at most once.
/// </summary>
internal sealed class SchemaLibrary
{
    /// <summary>Prefix of the synthetic definitions that carry the payload schemas through NJsonSchema.</summary>
    public const string PayloadDefinitionPrefix = "x-pipelinejob-payload:";

    private readonly Dictionary<string, JsonFile> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _pathsById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JToken?> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonSchema> _schemas = new(StringComparer.Ordinal);
    private readonly HashSet<string> _loading = new(StringComparer.Ordinal);
    private readonly CancellationToken _cancellationToken;

    /// <param name="files">The file being parsed and the files of its reference closure.</param>
    public SchemaLibrary(IEnumerable<JsonFile> files, CancellationToken cancellationToken)
    {
        foreach (var file in files)
        {
            _files[file.Path] = file;
            if (file.Document.Id is { } id)
            {
                _pathsById[id] = file.Path;
            }
        }

        _cancellationToken = cancellationToken;
    }

    public IEnumerable<JsonFile> Files => _files.Values;

    public bool Contains(string path) => _files.ContainsKey(path);

    public JsonFile File(string path) => _files[path];

    /// <summary>The file's JSON tree (the parser checks every file of the library was read before using it).</summary>
    public JObject Raw(string path) =>
        _files[path].Root ?? throw new InvalidOperationException(path + " was not read: " + _files[path].Error);

    /// <summary>The token at a JSON pointer of a file, or null; remembered, so walking a schema never re-walks from the root.</summary>
    public JToken? Node(string path, string pointer)
    {
        var key = path + "#" + pointer;
        if (_nodes.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var slash = pointer.LastIndexOf('/');
        var node = slash < 0
            ? Raw(path)
            : RawJson.Child(Node(path, pointer.Substring(0, slash)), JsonPointer.Unescape(pointer.Substring(slash + 1)));
        _nodes[key] = node;
        return node;
    }

    /// <summary>The NJsonSchema model of a file, read from its tree, with every $ref resolved from this library.</summary>
    public JsonSchema Schema(string path)
    {
        if (_schemas.TryGetValue(path, out var cached))
        {
            return cached;
        }

        if (!_loading.Add(path))
        {
            throw new InvalidOperationException("circular $ref between files through " + path);
        }

        var schema = NJsonSchemaReader.Read(Sanitize(Raw(path)), path, CreateResolver, _cancellationToken);
        _loading.Remove(path);
        _schemas[path] = schema;
        return schema;
    }

    /// <summary>The path of the file a <c>$ref</c>'s file part names (see <see cref="ReferencePaths.Resolve"/>).</summary>
    public string ResolvePath(string fromPath, string filePart) => ReferencePaths.Resolve(fromPath, filePart, _pathsById);

    /// <summary>
    /// The copy given to NJsonSchema: vendor extensions the generator reads itself are taken out (an object-form
    /// x-enum-descriptions would not even deserialize), and each payload schema becomes a synthetic definition so
    /// NJsonSchema resolves its references.
    /// </summary>
    private static JObject Sanitize(JObject raw)
    {
        var descriptionObjects = DescriptionObjects(raw);
        if (raw["x-pipelinejob-fsm"] is null && raw["x-pipelinejob-payloads"] is null && descriptionObjects == 0)
        {
            return raw;
        }

        // Copy without the state machine (the largest part of the canonical event schema, read by the parser itself).
        var copy = new JObject();
        foreach (var member in raw.Properties())
        {
            if (member.Name != "x-pipelinejob-fsm")
            {
                copy.Add(new JProperty(member.Name, member.Value));
            }
        }

        if (descriptionObjects > 0)
        {
            var remove = new List<JProperty>();
            foreach (var token in copy.Descendants())
            {
                if (token is JProperty { Name: "x-enum-descriptions", Value: JObject } property)
                {
                    remove.Add(property);
                }
            }

            foreach (var property in remove)
            {
                property.Remove();
            }
        }

        if (copy["x-pipelinejob-payloads"] is JObject payloads)
        {
            copy.Remove("x-pipelinejob-payloads");
            if (copy["definitions"] is not JObject definitions)
            {
                definitions = new JObject();
                copy["definitions"] = definitions;
            }

            foreach (var payload in payloads.Properties())
            {
                definitions[PayloadDefinitionPrefix + payload.Name] = payload.Value.DeepClone();
            }
        }

        return copy;
    }

    private static int DescriptionObjects(JObject root)
    {
        var count = 0;
        foreach (var token in root.Descendants())
        {
            if (token is JProperty { Name: "x-enum-descriptions", Value: JObject })
            {
                count++;
            }
        }

        return count;
    }

    private JsonReferenceResolver CreateResolver(JsonSchema root) =>
        new LibraryReferenceResolver(new JsonSchemaAppender(root, new DefaultTypeNameGenerator()), this);

    /// <summary>Resolves file references from the library; URL references are not fetched.</summary>
    private sealed class LibraryReferenceResolver : JsonReferenceResolver
    {
        private readonly SchemaLibrary _library;

        public LibraryReferenceResolver(JsonSchemaAppender appender, SchemaLibrary library)
            : base(appender) => _library = library;

        public override string ResolveFilePath(string documentPath, string jsonPath)
        {
            var hash = jsonPath.IndexOf('#');
            return _library.ResolvePath(InputClassifier.NormalizePath(documentPath), hash < 0 ? jsonPath : jsonPath.Substring(0, hash));
        }

        public override System.Threading.Tasks.Task<NJsonSchema.References.IJsonReference> ResolveFileReferenceAsync(string filePath, CancellationToken cancellationToken)
        {
            var path = InputClassifier.NormalizePath(filePath);
            if (!_library.Contains(path))
            {
                throw new InvalidOperationException("no AdditionalFile " + path);
            }

            return System.Threading.Tasks.Task.FromResult<NJsonSchema.References.IJsonReference>(_library.Schema(path));
        }

        public override System.Threading.Tasks.Task<NJsonSchema.References.IJsonReference> ResolveUrlReferenceAsync(string url, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("URL references are not fetched: " + url);
    }
}
