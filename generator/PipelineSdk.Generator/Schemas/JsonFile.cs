using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using PipelineSdk.Generator.Inputs;
using PipelineSdk.Generator.Model;

namespace PipelineSdk.Generator.Schemas;

/// <summary>
/// One input file read once into a JSON tree that keeps line information. The same tree serves NJsonSchema, the vendor
/// extensions the parsers read themselves, and the positions of diagnostics. Two files are equal when their documents
/// are (the tree is a pure function of the text), so the pipeline caches on the text alone; the tree is never mutated.
/// </summary>
internal sealed class JsonFile : IEquatable<JsonFile>
{
    private static readonly JsonLoadSettings LoadSettings = new()
    {
        LineInfoHandling = LineInfoHandling.Load,
        CommentHandling = CommentHandling.Ignore,
        DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error,
    };

    private int[]? _lineStarts;

    private JsonFile(SchemaDocument document, JObject? root, SourceSpan? errorSpan, string? error)
    {
        Document = document;
        Root = root;
        ErrorSpan = errorSpan;
        Error = error;
    }

    public SchemaDocument Document { get; }

    public string Path => Document.Path;

    /// <summary>The root object, or null when the file is not a JSON object (see <see cref="Error"/>).</summary>
    public JObject? Root { get; }

    /// <summary>Why the file could not be read, or null.</summary>
    public string? Error { get; }

    /// <summary>Where the file could not be read, or null.</summary>
    public SourceSpan? ErrorSpan { get; }

    /// <summary>Reads a document's text (once per text: the pipeline caches this step on the document).</summary>
    public static JsonFile Read(SchemaDocument document, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var file = new JsonFile(document, null, null, null);
        try
        {
            using var reader = new JsonTextReader(new StringReader(document.Text)) { DateParseHandling = DateParseHandling.None };
            var token = JToken.ReadFrom(reader, LoadSettings);
            while (reader.Read())
            {
                if (reader.TokenType != JsonToken.Comment)
                {
                    throw new JsonReaderException("unexpected text after the end of the JSON value", reader.Path, reader.LineNumber, reader.LinePosition, null);
                }
            }

            if (FirstUndefined(token) is IJsonLineInfo missing)
            {
                return file.Failed(missing.LineNumber, missing.LinePosition, "a value was expected");
            }

            return token is JObject root
                ? new JsonFile(document, root, null, null)
                : file.Failed(1, 1, "the root of a schema must be a JSON object");
        }
        catch (JsonReaderException exception)
        {
            return file.Failed(exception.LineNumber, exception.LinePosition, FirstSentence(exception.Message));
        }
    }

    /// <summary>
    /// The place of the value at a JSON pointer (a member's property name, an element's or the root's value), or of
    /// its nearest existing ancestor.
    /// </summary>
    public SourceSpan Locate(string pointer)
    {
        var token = Root is null ? null : RawJson.Select(Root, pointer);
        while (token is null && pointer.Length > 0)
        {
            pointer = pointer.Substring(0, Math.Max(0, pointer.LastIndexOf('/')));
            token = Root is null ? null : RawJson.Select(Root, pointer);
        }

        if (token?.Parent is JProperty property)
        {
            token = property;
        }

        if (token is not IJsonLineInfo info || !info.HasLineInfo())
        {
            return SourceSpan.FileStart(Path);
        }

        var end = Offset(info.LineNumber, info.LinePosition);
        var start = token switch
        {
            JProperty => NameStart(end),
            JContainer => Math.Max(0, end - 1),
            _ => ValueStart(end),
        };
        return Span(start, Math.Max(0, (token is JProperty ? NameEnd(end) : end) - start));
    }

    public bool Equals(JsonFile? other) => other is not null && Document.Equals(other.Document);

    public override bool Equals(object? obj) => Equals(obj as JsonFile);

    public override int GetHashCode() => Document.GetHashCode();

    private JsonFile Failed(int line, int position, string message)
    {
        var offset = Offset(line, position);
        var start = Math.Max(0, Math.Min(offset, Text.Length) - 1);
        return new JsonFile(Document, null, Span(start, start < Text.Length ? 1 : 0), message);
    }

    private string Text => Document.Text;

    /// <summary>Newtonsoft reads a missing value (<c>"type": ,</c>) as undefined instead of failing.</summary>
    private static JToken? FirstUndefined(JToken token)
    {
        if (token.Type == JTokenType.Undefined)
        {
            return token;
        }

        if (token is JContainer container)
        {
            foreach (var child in container.Children())
            {
                if (FirstUndefined(child) is { } found)
                {
                    return found;
                }
            }
        }

        return null;
    }

    /// <summary>Newtonsoft's line is one-based and its position counts the characters read on that line.</summary>
    private int Offset(int line, int position)
    {
        var starts = LineStarts();
        var index = Math.Max(0, Math.Min(line - 1, starts.Length - 1));
        return Math.Min(Text.Length, starts[index] + Math.Max(0, position));
    }

    /// <summary>A property's line info is just after its colon: back over the colon and spaces to the quoted name.</summary>
    private int NameStart(int afterColon)
    {
        var close = NameEnd(afterColon) - 1;
        var open = close - 1;
        while (open > 0 && (Text[open] != Text[close] || IsEscaped(open)))
        {
            open--;
        }

        return Math.Max(0, open);
    }

    private int NameEnd(int afterColon)
    {
        var i = Math.Min(afterColon, Text.Length) - 1;
        while (i > 0 && (Text[i] == ':' || char.IsWhiteSpace(Text[i])))
        {
            i--;
        }

        return i + 1;
    }

    /// <summary>A scalar's line info is just after it: back to its opening quote, or over a literal.</summary>
    private int ValueStart(int end)
    {
        var i = Math.Min(end, Text.Length) - 1;
        if (i >= 0 && Text[i] == '"')
        {
            i--;
            while (i > 0 && (Text[i] != '"' || IsEscaped(i)))
            {
                i--;
            }

            return Math.Max(0, i);
        }

        while (i > 0 && (char.IsLetterOrDigit(Text[i - 1]) || Text[i - 1] is '+' or '-' or '.'))
        {
            i--;
        }

        return Math.Max(0, i);
    }

    private bool IsEscaped(int quote)
    {
        var backslashes = 0;
        for (var i = quote - 1; i >= 0 && Text[i] == '\\'; i--)
        {
            backslashes++;
        }

        return backslashes % 2 == 1;
    }

    private SourceSpan Span(int start, int length)
    {
        var (startLine, startColumn) = LineColumn(start);
        var (endLine, endColumn) = LineColumn(start + length);
        return new SourceSpan(Path, start, length, startLine, startColumn, endLine, endColumn);
    }

    private (int Line, int Column) LineColumn(int offset)
    {
        var starts = LineStarts();
        var line = Array.BinarySearch(starts, offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return (line, offset - starts[line]);
    }

    /// <summary>Built only when a position is needed (a file with diagnostics).</summary>
    private int[] LineStarts()
    {
        if (_lineStarts is null)
        {
            var starts = new List<int> { 0 };
            for (var i = 0; i < Text.Length; i++)
            {
                if (Text[i] == '\n')
                {
                    starts.Add(i + 1);
                }
            }

            _lineStarts = starts.ToArray();
        }

        return _lineStarts;
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return (end > 0 ? message.Substring(0, end) : message).Replace('\n', ' ').Replace("\r", string.Empty).TrimEnd('.');
    }
}
