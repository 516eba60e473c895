namespace PipelineSdk.Python;

/// <summary>
/// Text is not a Python literal of the supported subset. The message names the position (0-based character
/// offset, plus 1-based line and column) and what was expected there; it never repeats the text itself.
/// </summary>
internal sealed class PythonLiteralException : FormatException
{
    /// <summary>Creates the exception for a problem at <paramref name="position"/> of <paramref name="text"/>.</summary>
    public PythonLiteralException(string problem, string text, int position)
        : base(Describe(problem, text, position))
    {
        Problem = problem;
        Position = position;
    }

    /// <summary>What was wrong, without the position.</summary>
    public string Problem { get; }

    /// <summary>The 0-based character offset of the problem.</summary>
    public int Position { get; }

    private static string Describe(string problem, string text, int position)
    {
        var line = 1;
        var column = 1;
        for (var i = 0; i < position && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return $"{problem} at position {position} (line {line}, column {column})";
    }
}
