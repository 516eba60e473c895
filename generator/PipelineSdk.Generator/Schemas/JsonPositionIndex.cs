using System;
using System.Collections.Generic;
using PipelineSdk.Generator.Model;

namespace PipelineSdk.Generator.Schemas;

/// <summary>
/// Maps JSON pointers to places in a JSON text with one light pass over it (NJsonSchema keeps no positions). A
/// member's pointer maps to its property name, an array element's to its value. Built only when a file has
/// diagnostics to report.
/// </summary>
internal sealed class JsonPositionIndex
{
    private readonly string _path;
    private readonly string _text;
    private readonly List<int> _lineStarts = new() { 0 };
    private readonly Dictionary<string, (int Start, int Length)> _spans = new(StringComparer.Ordinal);
    private int _position;

    private JsonPositionIndex(string path, string text)
    {
        _path = path;
        _text = text;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    public static JsonPositionIndex Build(string path, string text)
    {
        var index = new JsonPositionIndex(path, text);
        try
        {
            index.ScanValue(string.Empty, recordSelf: true);
        }
        catch (FormatException)
        {
            // Malformed text: keep what was indexed so far; the parser reports the syntax error itself.
        }

        return index;
    }

    /// <summary>
    /// Checks the text is strict JSON (the JSON reader behind NJsonSchema accepts some malformed input, such as a
    /// missing value). Returns the place and reason of the first error, or null.
    /// </summary>
    public static (SourceSpan Span, string Message)? FindSyntaxError(string path, string text)
    {
        var index = new JsonPositionIndex(path, text);
        try
        {
            index.ScanValue(string.Empty, recordSelf: false);
            index.SkipWhitespace();
            if (index._position < text.Length)
            {
                throw new FormatException("unexpected text after the end of the JSON value");
            }

            return null;
        }
        catch (FormatException exception)
        {
            var offset = Math.Min(index._position, text.Length);
            return (index.ToSourceSpan(Math.Max(0, offset - 1), offset > 0 ? 1 : 0), exception.Message);
        }
    }

    /// <summary>The span of the pointer, or of its nearest indexed ancestor.</summary>
    public SourceSpan Locate(string pointer)
    {
        var current = pointer;
        while (true)
        {
            if (_spans.TryGetValue(current, out var span))
            {
                return ToSourceSpan(span.Start, span.Length);
            }

            if (current.Length == 0)
            {
                return SourceSpan.FileStart(_path);
            }

            var slash = current.LastIndexOf('/');
            current = slash <= 0 ? string.Empty : current.Substring(0, slash);
        }
    }

    /// <summary>The place named by a one-based line and column (as JSON readers report them).</summary>
    public SourceSpan At(int line, int column)
    {
        var lineIndex = Math.Max(0, Math.Min(line - 1, _lineStarts.Count - 1));
        var offset = Math.Min(_text.Length, _lineStarts[lineIndex] + Math.Max(0, column - 1));
        return ToSourceSpan(offset, offset < _text.Length ? 1 : 0);
    }

    private SourceSpan ToSourceSpan(int start, int length)
    {
        var (startLine, startColumn) = LineColumn(start);
        var (endLine, endColumn) = LineColumn(start + length);
        return new SourceSpan(_path, start, length, startLine, startColumn, endLine, endColumn);
    }

    private (int Line, int Column) LineColumn(int offset)
    {
        var line = _lineStarts.BinarySearch(offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return (line, offset - _lineStarts[line]);
    }

    private void ScanValue(string pointer, bool recordSelf)
    {
        SkipWhitespace();
        var start = _position;
        switch (Peek())
        {
            case '{':
                ScanObject(pointer);
                break;
            case '[':
                ScanArray(pointer);
                break;
            case '"':
                ScanString();
                break;
            default:
                ScanLiteral();
                break;
        }

        if (recordSelf)
        {
            _spans[pointer] = (start, _position - start);
        }
    }

    private void ScanObject(string pointer)
    {
        _position++;
        SkipWhitespace();
        if (Peek() == '}')
        {
            _position++;
            return;
        }

        while (true)
        {
            SkipWhitespace();
            var keyStart = _position;
            var key = ScanString();
            var member = JsonPointer.Append(pointer, key);
            _spans[member] = (keyStart, _position - keyStart);
            SkipWhitespace();
            Expect(':');
            ScanValue(member, recordSelf: false);
            SkipWhitespace();
            if (Peek() == ',')
            {
                _position++;
                continue;
            }

            Expect('}');
            return;
        }
    }

    private void ScanArray(string pointer)
    {
        _position++;
        SkipWhitespace();
        if (Peek() == ']')
        {
            _position++;
            return;
        }

        for (var index = 0; ; index++)
        {
            ScanValue(pointer + "/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture), recordSelf: true);
            SkipWhitespace();
            if (Peek() == ',')
            {
                _position++;
                continue;
            }

            Expect(']');
            return;
        }
    }

    private string ScanString()
    {
        Expect('"');
        var builder = new System.Text.StringBuilder();
        while (true)
        {
            var c = Next();
            if (c == '"')
            {
                return builder.ToString();
            }

            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            var escaped = Next();
            switch (escaped)
            {
                case 'n': builder.Append('\n'); break;
                case 't': builder.Append('\t'); break;
                case 'r': builder.Append('\r'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'u':
                    builder.Append((char)Convert.ToInt32(_text.Substring(_position, Math.Min(4, _text.Length - _position)), 16));
                    _position += 4;
                    break;
                default: builder.Append(escaped); break;
            }
        }
    }

    private void ScanLiteral()
    {
        var start = _position;
        while (_position < _text.Length && (char.IsLetterOrDigit(_text[_position]) || "+-.".IndexOf(_text[_position]) >= 0))
        {
            _position++;
        }

        var literal = _text.Substring(start, _position - start);
        if (literal is not ("true" or "false" or "null") && !NumberPattern.IsMatch(literal))
        {
            _position = start + 1;
            throw new FormatException(literal.Length == 0 ? "a value was expected" : "'" + literal + "' is not a JSON value");
        }
    }

    private static readonly System.Text.RegularExpressions.Regex NumberPattern =
        new(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private void SkipWhitespace()
    {
        while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
        {
            _position++;
        }
    }

    private char Peek() => _position < _text.Length ? _text[_position] : throw new FormatException("unexpected end of the file");

    private char Next() => _position < _text.Length ? _text[_position++] : throw new FormatException("unexpected end of the file");

    private void Expect(char expected)
    {
        if (Next() != expected)
        {
            throw new FormatException("'" + expected + "' was expected");
        }
    }
}
