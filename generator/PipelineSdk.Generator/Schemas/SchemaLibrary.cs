using System;
using System.Collections.Generic;
using System.Threading;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using PipelineSdk.Generator.Inputs;

namespace PipelineSdk.Generator.Schemas;

/// <summary>
/// The schema files of one compilation, by path, so that <c>$ref</c>s to sibling files resolve from the
/// AdditionalFiles and never from the disk. Loads each file at most once (raw JSON and NJsonSchema model).
/// </summary>
internal sealed class SchemaLibrary
{
    /// <summary>Prefix of the synthetic definitions that carry the payload schemas through NJsonSchema.</summary>
    public const string PayloadDefinitionPrefix = "x-pipelinejob-payload:";

    private readonly Dictionary<string, SchemaDocument> _documents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _pathsById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JObject> _raw = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonSchema> _schemas = new(StringComparer.Ordinal);
    private readonly HashSet<string> _loading = new(StringComparer.Ordinal);
    private readonly CancellationToken _cancellationToken;

    public SchemaLibrary(IEnumerable<SchemaDocument> documents, CancellationToken cancellationToken)
    {
        foreach (var document in documents)
        {
            _documents[document.Path] = document;
            if (document.Id is { } id)
            {
                _pathsById[id] = document.Path;
            }
        }

        _cancellationToken = cancellationToken;
    }

    public IEnumerable<SchemaDocument> Documents => _documents.Values;

    public bool Contains(string path) => _documents.ContainsKey(path);

    public string TextOf(string path) => _documents[path].Text;

    /// <summary>The file's JSON with line information. Throws <see cref="JsonReaderException"/> when malformed.</summary>
    public JObject Raw(string path)
    {
        if (_raw.TryGetValue(path, out var cached))
        {
            return cached;
        }

        var token = JToken.Parse(_documents[path].Text, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Ignore, CommentHandling = CommentHandling.Ignore });
        if (token is not JObject raw)
        {
            throw new JsonReaderException("the root of a schema must be a JSON object");
        }

        _raw[path] = raw;
        return raw;
    }

    /// <summary>The NJsonSchema model of a file, with every $ref resolved from this library.</summary>
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

        var json = Sanitize(Raw(path)).ToString(Formatting.None);
        var schema = JsonSchema.FromJsonAsync(json, path, CreateResolver, _cancellationToken).GetAwaiter().GetResult();
        _loading.Remove(path);
        _schemas[path] = schema;
        return schema;
    }

    /// <summary>
    /// The path of the file a <c>$ref</c>'s file part names: a file's id (<see cref="SchemaDocument.Id"/>), else a
    /// path relative to the referencing file's folder (or absolute).
    /// </summary>
    public string ResolvePath(string fromPath, string relative)
    {
        if (_pathsById.TryGetValue(relative, out var identified))
        {
            return identified;
        }

        if (relative.StartsWith("/", StringComparison.Ordinal) || relative.IndexOf(':') > 0)
        {
            return InputClassifier.NormalizePath(relative);
        }

        var slash = fromPath.LastIndexOf('/');
        var folder = slash < 0 ? new List<string>() : new List<string>(fromPath.Substring(0, slash).Split('/'));
        foreach (var part in InputClassifier.NormalizePath(relative).Split('/'))
        {
            if (part == "..")
            {
                if (folder.Count > 0)
                {
                    folder.RemoveAt(folder.Count - 1);
                }
            }
            else if (part != "." && part.Length > 0)
            {
                folder.Add(part);
            }
        }

        return string.Join("/", folder);
    }

    /// <summary>
    /// The copy given to NJsonSchema: vendor extensions the generator reads itself are taken out (an object-form
    /// x-enum-descriptions would not even deserialize), and each payload schema becomes a synthetic definition so
    /// NJsonSchema resolves its references.
    /// </summary>
    private static JObject Sanitize(JObject raw)
    {
        var copy = (JObject)raw.DeepClone();
        foreach (var descriptions in copy.SelectTokens("$..x-enum-descriptions"))
        {
            if (descriptions is JObject && descriptions.Parent is JProperty property)
            {
                property.Remove();
            }
        }

        copy.Remove("x-pipelinejob-fsm");
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
