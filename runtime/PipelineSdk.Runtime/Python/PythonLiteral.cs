using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace PipelineSdk.Python;

/// <summary>
/// A strict parser for the Python literals that Abaco delivers in <c>MSG</c> when Docker turns a message dict into
/// text with <c>str()</c>: dicts with string keys, lists, tuples (as arrays), strings in either quote style with
/// Python escapes (also Python 2's <c>u'…'</c> unicode strings), ints, floats, <c>True</c>, <c>False</c> and
/// <c>None</c>. Nothing is ever evaluated.
/// </summary>
internal static class PythonLiteral
{
    /// <summary>How deeply containers may nest before the text is rejected.</summary>
    public const int MaxDepth = 256;

    /// <summary>Parses <paramref name="text"/> into JSON nodes (<c>None</c> becomes <see langword="null"/>).</summary>
    /// <exception cref="PythonLiteralException">The text is not a literal of the supported subset.</exception>
    public static JsonNode? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var reader = new Reader(text);
        reader.SkipWhitespace();
        var value = reader.ReadValue(0);
        reader.SkipWhitespace();
        if (!reader.AtEnd)
        {
            throw reader.Error("unexpected text after the literal");
        }

        return value;
    }

    private sealed class Reader(string text)
    {
        private int _position;

        public bool AtEnd => _position >= text.Length;

        private char Current => text[_position];

        public PythonLiteralException Error(string problem) => Error(problem, _position);

        private PythonLiteralException Error(string problem, int position) => new(problem, text, position);

        public void SkipWhitespace()
        {
            while (!AtEnd && Current is ' ' or '\t' or '\n' or '\r' or '\f')
            {
                _position++;
            }
        }

        public JsonNode? ReadValue(int depth)
        {
            if (AtEnd)
            {
                throw Error("expected a value but the text ended");
            }

            if (depth > MaxDepth)
            {
                throw Error($"containers nest deeper than {MaxDepth} levels");
            }

            return Current switch
            {
                '{' => ReadDict(depth),
                '[' => ReadList(depth),
                '(' => ReadTuple(depth),
                '\'' or '"' => JsonValue.Create(ReadString()),
                _ when AtUnicodePrefix() => JsonValue.Create(ReadString()),
                '-' or '+' or '.' or (>= '0' and <= '9') => ReadNumber(),
                _ when char.IsAsciiLetter(Current) || Current == '_' => ReadName(),
                _ => throw Error($"unexpected character '{Current}'"),
            };
        }

        private JsonObject ReadDict(int depth)
        {
            var result = new JsonObject();
            ReadItems('}', () =>
            {
                var keyPosition = _position;
                AtUnicodePrefix();
                if (AtEnd || Current is not ('\'' or '"'))
                {
                    throw Error("expected a string dict key", keyPosition);
                }

                var key = ReadString();
                SkipWhitespace();
                Expect(':');
                SkipWhitespace();
                // Python keeps the first position and the last value of a repeated key; the indexer does the same.
                result[key] = ReadValue(depth + 1);
            });
            return result;
        }

        private JsonArray ReadList(int depth)
        {
            var result = new JsonArray();
            ReadItems(']', () => result.Add(ReadValue(depth + 1)));
            return result;
        }

        private JsonNode? ReadTuple(int depth)
        {
            var result = new JsonArray();
            var commas = ReadItems(')', () => result.Add(ReadValue(depth + 1)));
            if (result.Count == 1 && commas == 0)
            {
                // "(x)" is a parenthesised value, not a tuple.
                var only = result[0];
                result.RemoveAt(0);
                return only;
            }

            return result;
        }

        /// <summary>Reads "open item, item, ... [,] close" and returns how many commas were seen.</summary>
        private int ReadItems(char close, Action readItem)
        {
            _position++; // the opening bracket
            var commas = 0;
            while (true)
            {
                SkipWhitespace();
                if (AtEnd)
                {
                    throw Error($"expected '{close}' but the text ended");
                }

                if (Current == close)
                {
                    _position++;
                    return commas;
                }

                readItem();
                SkipWhitespace();
                if (!AtEnd && Current == ',')
                {
                    _position++;
                    commas++;
                    continue;
                }

                if (AtEnd || Current != close)
                {
                    throw Error($"expected ',' or '{close}'");
                }
            }
        }

        /// <summary>
        /// Steps over Python 2's <c>u</c> (or <c>U</c>) before a quote, which marks a unicode string: the same text and
        /// escapes as a Python 3 string. Returns true when there was one.
        /// </summary>
        private bool AtUnicodePrefix()
        {
            if (_position + 1 < text.Length && Current is 'u' or 'U' && text[_position + 1] is '\'' or '"')
            {
                _position++;
                return true;
            }

            return false;
        }

        private void Expect(char expected)
        {
            if (AtEnd || Current != expected)
            {
                throw Error($"expected '{expected}'");
            }

            _position++;
        }

        private JsonNode? ReadName()
        {
            var start = _position;
            while (!AtEnd && (char.IsAsciiLetterOrDigit(Current) || Current == '_'))
            {
                _position++;
            }

            var name = text[start.._position];
            return name switch
            {
                "True" => JsonValue.Create(true),
                "False" => JsonValue.Create(false),
                "None" => null,
                _ when !AtEnd && Current is '\'' or '"' => throw Error("string prefixes r, b and f are not supported", start),
                _ => throw Error($"'{name}' is not a literal (only True, False and None are names)", start),
            };
        }

        private string ReadString()
        {
            var start = _position;
            var quote = Current;
            _position++;
            if (_position + 1 < text.Length && Current == quote && text[_position + 1] == quote)
            {
                throw Error("triple-quoted strings are not supported", start);
            }

            var builder = new StringBuilder();
            while (true)
            {
                if (AtEnd || Current is '\n' or '\r')
                {
                    throw Error("unterminated string", start);
                }

                var c = Current;
                _position++;
                if (c == quote)
                {
                    return builder.ToString();
                }

                if (c == '\\')
                {
                    ReadEscape(builder);
                }
                else
                {
                    builder.Append(c);
                }
            }
        }

        private void ReadEscape(StringBuilder builder)
        {
            var escapeStart = _position - 1;
            if (AtEnd)
            {
                throw Error("unterminated string", escapeStart);
            }

            var c = Current;
            _position++;
            switch (c)
            {
                case '\\': builder.Append('\\'); break;
                case '\'': builder.Append('\''); break;
                case '"': builder.Append('"'); break;
                case 'a': builder.Append('\a'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'v': builder.Append('\v'); break;
                case '\n': break; // a line continuation inside the literal
                case 'x': AppendCodePoint(builder, ReadHex(2, escapeStart), escapeStart); break;
                case 'u': AppendCodePoint(builder, ReadHex(4, escapeStart), escapeStart); break;
                case 'U': AppendCodePoint(builder, ReadHex(8, escapeStart), escapeStart); break;
                case >= '0' and <= '7': builder.Append((char)ReadOctal(c)); break;
                case 'N': throw Error(@"named escapes (\N{...}) are not supported", escapeStart);
                default:
                    // Python keeps an unknown escape as written, backslash included.
                    builder.Append('\\').Append(c);
                    break;
            }
        }

        private int ReadOctal(char first)
        {
            var value = first - '0';
            for (var i = 0; i < 2 && !AtEnd && Current is >= '0' and <= '7'; i++)
            {
                value = (value * 8) + (Current - '0');
                _position++;
            }

            return value;
        }

        private int ReadHex(int digits, int escapeStart)
        {
            if (_position + digits > text.Length
                || !int.TryParse(text.AsSpan(_position, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)
                || value < 0)
            {
                throw Error($"escape needs {digits} hexadecimal digits", escapeStart);
            }

            _position += digits;
            return value;
        }

        private void AppendCodePoint(StringBuilder builder, int codePoint, int escapeStart)
        {
            if (codePoint > 0x10FFFF)
            {
                throw Error("escape is beyond the last Unicode code point", escapeStart);
            }

            if (codePoint is >= 0xD800 and <= 0xDFFF)
            {
                builder.Append((char)codePoint); // a lone surrogate, as Python allows
                return;
            }

            builder.Append(char.ConvertFromUtf32(codePoint));
        }

        private JsonNode ReadNumber()
        {
            var start = _position;
            var negative = false;
            if (Current is '-' or '+')
            {
                negative = Current == '-';
                _position++;
                SkipWhitespace();
            }

            var digitsStart = _position;
            var isFloat = false;
            SkipDigits();
            if (!AtEnd && Current == '.')
            {
                isFloat = true;
                _position++;
                SkipDigits();
            }

            var mantissa = text[digitsStart.._position];
            if (mantissa.Length == 0 || mantissa == ".")
            {
                throw Error("expected a number", start);
            }

            if (!AtEnd && Current is 'e' or 'E')
            {
                isFloat = true;
                _position++;
                if (!AtEnd && Current is '-' or '+')
                {
                    _position++;
                }

                var exponentStart = _position;
                SkipDigits();
                if (_position == exponentStart)
                {
                    throw Error("expected digits in the exponent", start);
                }
            }

            if (!AtEnd && (char.IsAsciiLetter(Current) || Current == '_'))
            {
                throw Error("numbers with suffixes, underscores or other bases are not supported", start);
            }

            var literal = (negative ? "-" : "") + text[digitsStart.._position];
            return isFloat ? CreateFloat(literal, start) : CreateInteger(literal, mantissa, start);
        }

        private void SkipDigits()
        {
            while (!AtEnd && char.IsAsciiDigit(Current))
            {
                _position++;
            }
        }

        private JsonNode CreateFloat(string literal, int start)
        {
            var value = double.Parse(literal, NumberStyles.Float, CultureInfo.InvariantCulture);
            return double.IsFinite(value) ? JsonValue.Create(value) : throw Error("float is out of range", start);
        }

        private JsonNode CreateInteger(string literal, string digits, int start)
        {
            if (digits.Length > 1 && digits[0] == '0' && digits.Any(d => d != '0'))
            {
                throw Error("integers with leading zeros are not allowed", start);
            }

            if (long.TryParse(literal, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                return JsonValue.Create(value);
            }

            // Python ints have no size limit; JSON numbers neither, so keep the exact digits.
            return JsonNode.Parse(literal)!;
        }
    }
}
