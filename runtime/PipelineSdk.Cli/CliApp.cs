using System.CommandLine;
using System.CommandLine.Help;
using PipelineSdk.Cli.Arguments;
using PipelineSdk.Cli.Verbs;
using PipelineSdk.Configuration;
using PipelineSdk.Errors;
using PipelineSdk.Reactors;

namespace PipelineSdk.Cli;

/// <summary>
/// The <c>pipelinejobs</c> command, on System.CommandLine: a command per verb, with generated help, <c>--version</c>,
/// suggestions and completions (<c>[suggest]</c>). With <c>--batch</c> a verb reads one JSON object per stdin line and
/// prints exactly one line per input line.
/// Exit codes: 0 success, 1 a refused operation (wrong state, bad token, unknown job, missing admin rights) or a failed
/// batch line, 2 a usage error. Every error is one line on stderr (in batch, <c>error: line N: …</c> on stdout in the
/// line's place); no input ends in a stack trace. The environment is the one configuration overrides (<c>_REACTOR_*</c>)
/// and Abaco's variables are read from.
/// </summary>
public sealed class CliApp
{
    private const int Refused = 1;
    private const int Usage = 2;

    private static readonly ParserConfiguration Parsing = new() { ResponseFileTokenReplacer = null };

    private readonly TextReader _stdin;
    private readonly TextWriter _stdout;
    private readonly TextWriter _stderr;
    private readonly RootCommand _root;

    /// <summary>Creates the command over the given streams, environment and clock.</summary>
    public CliApp(TextReader stdin, TextWriter stdout, TextWriter stderr, IReadOnlyDictionary<string, string> environment, TimeProvider clock)
    {
        _stdin = stdin;
        _stdout = stdout;
        _stderr = stderr;
        _root = new RootCommand("pipelinejobs: create and drive PipelineJobs, run their events endpoint, and compute the ids, paths and tokens the Python datacatalog computes. Exit codes: 0 done, 1 refused, 2 usage error.")
        {
            HelpName = "pipelinejobs",
        };
        _root.Options.OfType<VersionOption>().Single().Action = new ToolVersionAction();
        foreach (var verb in (IEnumerable<VerbSpec>)[.. ComputeVerbs.All(name => environment.GetValueOrDefault(name), clock), .. OperatorVerbs.All(environment, stdout, clock)])
        {
            var command = VerbCommand.Create(verb);
            command.Command.SetAction((result, cancellationToken) => RunVerbAsync(command, result, cancellationToken));
            Parent(verb.Name).Add(command.Command);
        }
    }

    /// <summary>Runs one command and returns its exit code.</summary>
    public int Run(IReadOnlyList<string> args) => RunAsync(args, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Runs one command; Ctrl+C (or <paramref name="cancellationToken"/>) cancels the running operation.</summary>
    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        if (args.Count == 0)
        {
            await _root.Parse(["--help"], Parsing).InvokeAsync(new InvocationConfiguration { Output = _stderr }, cancellationToken);
            return Usage;
        }

        if (args.FirstOrDefault(a => !CleanText.IsClean(a)) is { } garbled)
        {
            return Fail(Usage, $"argument {args.ToList().IndexOf(garbled) + 1} is not valid UTF-8 (or holds U+FFFD); give every value as UTF-8 text");
        }

        var result = _root.Parse(args, Parsing);
        if (result.Errors.Count > 0)
        {
            return Fail(Usage, Quote.Shorten(ParseErrors.Describe(result), args));
        }

        // No ProcessTerminationTimeout: Ctrl+C reaches the verb through cancellationToken (see Program.Main).
        var invocation = new InvocationConfiguration { Output = _stdout, Error = _stderr, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
        try
        {
            return await result.InvokeAsync(invocation, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Fail(Refused, "cancelled");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A last line of defence: a bug must still end as one line, never a stack trace.
            return Fail(Refused, $"internal error ({e.GetType().Name}): {Quote.Shorten(e.Message, args)}");
        }
    }

    private Command Parent(string verbName)
    {
        var words = verbName.Split(' ');
        Command parent = _root;
        foreach (var word in words[..^1])
        {
            var group = parent.Subcommands.FirstOrDefault(c => c.Name == word);
            if (group is null)
            {
                group = new Command(word, $"The {word} verbs.");
                parent.Add(group);
            }

            parent = group;
        }

        return parent;
    }

    private async Task<int> RunVerbAsync(VerbCommand command, ParseResult result, CancellationToken cancellationToken)
    {
        if (!result.GetValue(command.BatchOption))
        {
            var (exit, output, error) = await ExecuteAsync(command, result, batch: false, cancellationToken);
            return error is null ? Print(exit, output) : Fail(exit, Quote.Shorten(error, result.Tokens.Select(t => t.Value)));
        }

        var extra = result.Tokens.Select(t => t.Value).Where(t => t is not "--batch" and not "--json").Skip(command.Verb.Name.Count(c => c == ' ') + 1).ToList();
        return extra.Count > 0
            ? Fail(Usage, $"{command.Verb.Name} --batch takes its arguments from stdin (only --json may join it), not {Quote.Short(extra[0])}")
            : await RunBatchAsync(command, result.GetResult("--json") is not null, cancellationToken);
    }

    private async Task<int> RunBatchAsync(VerbCommand command, bool json, CancellationToken cancellationToken)
    {
        var failed = false;
        var number = 0;
        var verbWords = command.Verb.Name.Split(' ');
        while (await _stdin.ReadLineAsync(cancellationToken) is { } line)
        {
            number++;
            string? output;
            string? error;
            try
            {
                if (!CleanText.IsClean(line))
                {
                    throw new UsageException("the line is not valid UTF-8 (or holds U+FFFD)");
                }

                var tokens = BatchLine.ToTokens(command, line);
                var result = _root.Parse([.. verbWords, .. json ? ["--json"] : Array.Empty<string>(), .. tokens], Parsing);
                (_, output, error) = result.Errors.Count > 0
                    ? (Usage, null, ParseErrors.Describe(result))
                    : await ExecuteAsync(command, result, batch: true, cancellationToken);
                error = error is null ? null : Quote.Shorten(error, tokens.Select(t => t.StartsWith("--", StringComparison.Ordinal) && t.Contains('=') ? t[(t.IndexOf('=') + 1)..] : t));
            }
            catch (UsageException e)
            {
                (output, error) = (null, e.Message);
            }
            catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
            {
                // A bug must not stop the batch: the line fails, the next one runs.
                (output, error) = (null, $"internal error ({e.GetType().Name}): {e.Message}");
            }

            if (error is not null)
            {
                failed = true;
                _stdout.WriteLine($"error: line {number}: {OneLine(error)}");
            }
            else
            {
                _stdout.WriteLine(OneLine(output ?? ""));
            }

            await _stdout.FlushAsync(cancellationToken);
        }

        return failed ? Refused : 0;
    }

    // Runs the verb and sorts what can go wrong into usage errors (2) and refusals (1).
    private static async Task<(int Exit, string? Output, string? Error)> ExecuteAsync(VerbCommand command, ParseResult result, bool batch, CancellationToken cancellationToken)
    {
        try
        {
            return (0, await command.Verb.Run(command.Read(result, batch), cancellationToken), null);
        }
        catch (Exception e) when (e is UsageException or PipelineJobValidationException or UnknownEventException or ReactorConfigurationException or ReactorEnvironmentException)
        {
            return (Usage, null, Message(e));
        }
        catch (PipelineJobException e)
        {
            return (Refused, null, e.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return (Refused, null, "cancelled");
        }
    }

    private int Print(int exit, string? output)
    {
        if (output is not null)
        {
            _stdout.WriteLine(output);
        }

        return exit;
    }

    // Errors are one line: the problems of a validation failure are joined.
    private static string Message(Exception e) =>
        e is PipelineJobValidationException { Problems.Count: > 1 } invalid ? string.Join("; ", invalid.Problems) : e.Message;

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    private int Fail(int exit, string message)
    {
        _stderr.WriteLine($"error: {OneLine(message)}");
        return exit;
    }
}
