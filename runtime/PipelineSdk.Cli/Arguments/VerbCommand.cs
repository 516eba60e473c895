using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.Json.Nodes;

namespace PipelineSdk.Cli.Arguments;

/// <summary>
/// The System.CommandLine command of one verb, made from its <see cref="OptionSpec"/>s (help, types and batch keys
/// all come from that one definition), and the reader that turns a parse of it into a <see cref="VerbInput"/>.
/// </summary>
internal sealed class VerbCommand
{
    private readonly List<(OptionSpec Spec, Symbol Symbol, Func<ParseResult, JsonNode?> Read)> _symbols = [];

    private VerbCommand(VerbSpec verb)
    {
        Verb = verb;
        Command = new Command(verb.Name.Split(' ')[^1], verb.Description);
        foreach (var spec in verb.Options)
        {
            var (symbol, read) = spec.Positional ? Positional(spec) : Option(spec);
            _symbols.Add((spec, symbol, read));
            if (symbol is Argument argument)
            {
                Command.Add(argument);
            }
            else
            {
                Command.Add((Option)symbol);
            }
        }

        if (verb.AllowsBatch)
        {
            Command.Add(BatchOption);
        }
    }

    /// <summary>The verb.</summary>
    public VerbSpec Verb { get; }

    /// <summary>Its command (the last word of the verb's name).</summary>
    public Command Command { get; }

    /// <summary><c>--batch</c>: read the arguments from stdin, one JSON object per line.</summary>
    public Option<bool> BatchOption { get; } = new("--batch")
    {
        Description = "Read JSON Lines on stdin, one object per line whose keys are this verb's options in snake_case; print exactly one line per input line",
    };

    /// <summary>The command of <paramref name="verb"/>.</summary>
    public static VerbCommand Create(VerbSpec verb) => new(verb);

    /// <summary>True when a batch line may set <paramref name="key"/>.</summary>
    public bool HasKey(string key) => Verb.Options.Any(o => o.Key == key);

    /// <summary>The options given in a parse without errors, as the verb reads them.</summary>
    public VerbInput Read(ParseResult result, bool batch)
    {
        var values = new Dictionary<string, JsonNode?>();
        foreach (var (spec, symbol, read) in _symbols)
        {
            var given = result.GetResult(symbol) switch
            {
                OptionResult option => !option.Implicit,
                ArgumentResult argument => argument.Tokens.Count > 0,
                _ => false,
            };
            if (given)
            {
                values[spec.Key] = read(result);
            }
        }

        // Required values are checked here, not by the parser, so that `verb --batch` parses without them.
        if (Verb.Options.FirstOrDefault(o => o.Required && !values.ContainsKey(o.Key)) is { } missing)
        {
            throw new UsageException(
                batch ? $"missing required option {missing.Key}"
                : missing.Positional ? $"missing {missing.HelpName}: pipelinejobs {Verb.Name} <{missing.HelpName}> (or --batch with \"{missing.Key}\" on each line)"
                : $"missing required option {missing.Flag}");
        }

        return new VerbInput(values, Verb.Options, batch);
    }

    private static string Help(OptionSpec spec) => spec.Required && !spec.Positional ? spec.Description + " (required)" : spec.Description;

    private static (Symbol, Func<ParseResult, JsonNode?>) Positional(OptionSpec spec)
    {
        var argument = new Argument<string>(spec.HelpName)
        {
            Description = spec.Description,
            Arity = ArgumentArity.ZeroOrOne,
        };
        return (argument, result => result.GetValue(argument));
    }

    private static (Symbol, Func<ParseResult, JsonNode?>) Option(OptionSpec spec)
    {
        switch (spec.Kind)
        {
            case OptionKind.TextList:
            {
                var option = new Option<string[]>(spec.Flag) { Description = Help(spec), HelpName = spec.HelpName };
                return (option, result => new JsonArray([.. (result.GetValue(option) ?? []).Select(v => (JsonNode)v)]));
            }

            case OptionKind.Json:
            {
                var option = new Option<JsonNode?>(spec.Flag)
                {
                    Description = Help(spec),
                    HelpName = "JSON",
                    CustomParser = argument => Guard(argument, () => StrictJson.Parse(argument.Tokens[0].Value, spec.Flag)),
                };
                return (option, result => result.GetValue(option));
            }

            case OptionKind.Flag:
            {
                var option = new Option<bool>(spec.Flag) { Description = Help(spec) };
                return (option, result => result.GetValue(option));
            }

            case OptionKind.Integer:
            {
                var option = new Option<long>(spec.Flag)
                {
                    Description = Help(spec),
                    HelpName = spec.HelpName,
                    CustomParser = argument => Guard(argument, () => Integer(spec, argument.Tokens[0].Value)),
                };
                return (option, result => result.GetValue(option));
            }

            default:
            {
                var option = new Option<string>(spec.Flag) { Description = Help(spec), HelpName = spec.HelpName };
                if (spec.NotEmpty)
                {
                    option.Validators.Add(result =>
                    {
                        if (result.Tokens.Any(t => t.Value.Length == 0))
                        {
                            result.AddError($"{spec.Flag} must not be empty");
                        }
                    });
                }

                return (option, result => result.GetValue(option));
            }
        }
    }

    private static long Integer(OptionSpec spec, string text)
    {
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw new UsageException($"{spec.Flag} must be a whole number, got {Quote.Short(text)}");
        }

        return value >= spec.Min && value <= spec.Max
            ? value
            : throw new UsageException($"{spec.Flag} must be between {spec.Min} and {spec.Max}, got {value}");
    }

    // A value the option cannot take becomes a parse error, reported like every other usage error.
    private static T? Guard<T>(ArgumentResult argument, Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (UsageException e)
        {
            argument.AddError(e.Message);
            return default;
        }
    }
}
