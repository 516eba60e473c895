using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace PipelineSdk.Generator.Emit;

/// <summary>The one place that turns schema names into C# identifiers.</summary>
internal static class Identifiers
{
    /// <summary>
    /// PascalCase from snake_case, kebab-case, camelCase or UPPER_CASE names (<c>job_manager_id</c> → <c>JobManagerId</c>,
    /// <c>CREATED</c> → <c>Created</c>). Characters that cannot appear in an identifier separate words; a leading
    /// digit gets an underscore; a keyword (impossible after PascalCasing, but cheap to check) gets an <c>@</c>.
    /// </summary>
    public static string ToPascalCase(string name)
    {
        var builder = new StringBuilder(name.Length);
        var word = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
                continue;
            }

            AppendWord(builder, word);
        }

        AppendWord(builder, word);
        if (builder.Length == 0)
        {
            return "_";
        }

        if (char.IsDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return EscapeKeyword(builder.ToString());
    }

    public static string EscapeKeyword(string identifier) =>
        SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(identifier) == SyntaxKind.FieldKeyword
            ? "@" + identifier
            : identifier;

    /// <summary>A C# string literal (regular, escaped) for any text.</summary>
    public static string StringLiteral(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\0': builder.Append("\\0"); break;
                default:
                    if (char.IsControl(c))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>Text safe inside an XML doc comment.</summary>
    public static string XmlText(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\r", string.Empty).Replace("\n", " ");

    private static void AppendWord(StringBuilder builder, StringBuilder word)
    {
        if (word.Length == 0)
        {
            return;
        }

        var text = word.ToString();
        var allUpper = text.ToUpperInvariant() == text;
        builder.Append(char.ToUpperInvariant(text[0]));
        builder.Append(allUpper ? text.Substring(1).ToLowerInvariant() : text.Substring(1));
        word.Clear();
    }
}
