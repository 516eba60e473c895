using System.CommandLine;

namespace PipelineSdk.Cli.Arguments;

/// <summary>
/// One line for a failed parse: the first problem (an unknown word first), a suggestion when the word is a typo of a
/// command or option, and where to find help.
/// </summary>
internal static class ParseErrors
{
    /// <summary>The line to print after <c>error: </c>.</summary>
    public static string Describe(ParseResult result)
    {
        var command = result.CommandResult.Command;
        var path = CommandPath(result);
        var unknown = result.UnmatchedTokens.FirstOrDefault();
        if (unknown is not null)
        {
            var candidates = command.Subcommands.Select(c => c.Name).Concat(command.Options.Where(o => !o.Hidden).Select(o => o.Name));
            var suggestion = Closest(unknown, candidates) is { } match ? $"; did you mean '{match}'?" : "";
            var what = unknown.StartsWith('-') ? "unknown option" : command.Subcommands.Count > 0 ? "unknown verb" : "unexpected argument";
            return $"{what} {Quote.Short(unknown)} for '{path}'{suggestion} (see '{path} --help')";
        }

        return $"{result.Errors[0].Message} (see '{path} --help')";
    }

    private static string CommandPath(ParseResult result)
    {
        var names = new List<string>();
        for (var command = result.CommandResult; command is not null; command = command.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Insert(0, command.Command.Name);
        }

        names[0] = "pipelinejobs";
        return string.Join(' ', names);
    }

    // The candidate within a third of the word's length in edits (at least one), nearest first.
    private static string? Closest(string word, IEnumerable<string> candidates) =>
        candidates.Select(c => (Name: c, Distance: Distance(word.ToLowerInvariant(), c)))
            .Where(c => c.Distance <= Math.Max(1, word.Length / 3))
            .OrderBy(c => c.Distance)
            .Select(c => c.Name)
            .FirstOrDefault();

    private static int Distance(string a, string b)
    {
        if (a.Length > 100)
        {
            return int.MaxValue; // no typo of a verb or option is that long
        }

        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
