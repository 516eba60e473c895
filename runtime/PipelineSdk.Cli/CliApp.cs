using PipelineSdk.Cli.Arguments;
using PipelineSdk.Cli.Verbs;
using PipelineSdk.Configuration;
using PipelineSdk.Errors;
using PipelineSdk.Reactors;

namespace PipelineSdk.Cli;

/// <summary>
/// The <c>pipelinejobs</c> command: finds the verb, reads its arguments from the command line or, with
/// <c>--batch</c>, one JSON object per stdin line, and prints one result per invocation.
/// Exit codes: 0 success, 1 a refused operation (wrong state, bad token, unknown job) or a failed batch line,
/// 2 usage error. The environment is the one configuration overrides (<c>_REACTOR_*</c>) and Abaco's variables are read from.
/// </summary>
public sealed class CliApp(TextReader stdin, TextWriter stdout, TextWriter stderr, IReadOnlyDictionary<string, string> environment, TimeProvider clock)
{
    private readonly IReadOnlyList<VerbSpec> _verbs =
        [.. ComputeVerbs.All(name => environment.GetValueOrDefault(name), clock), .. OperatorVerbs.All(environment, stdout, clock)];

    /// <summary>Runs one command and returns its exit code.</summary>
    public int Run(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0] is "-h" or "--help" or "help")
        {
            PrintUsage(args.Count == 0 ? stderr : stdout);
            return args.Count == 0 ? 2 : 0;
        }

        // A verb group takes two words (pipelines add); every other verb one.
        var verb = (args.Count > 1 ? _verbs.FirstOrDefault(v => v.Name == args[0] + " " + args[1]) : null)
            ?? _verbs.FirstOrDefault(v => v.Name == args[0]);
        if (verb is null)
        {
            stderr.WriteLine($"error: unknown verb '{args[0]}'; run 'pipelinejobs help' for the list");
            return 2;
        }

        var rest = args.Skip(verb.Name.Count(c => c == ' ') + 1).ToList();
        if (rest.Remove("--batch"))
        {
            return !verb.AllowsBatch ? Fail($"{verb.Name} does not take --batch")
                : rest.Count == 0 ? RunBatch(verb)
                : Fail($"{verb.Name} --batch takes its arguments from stdin, not '{rest[0]}'");
        }

        try
        {
            Print(Execute(verb, ArgumentReader.FromCommandLine(verb, rest)));
            return 0;
        }
        catch (Exception e) when (e is UsageException or PipelineJobValidationException or UnknownEventException or ReactorConfigurationException or ReactorEnvironmentException)
        {
            return Fail(OneLine(e));
        }
        catch (PipelineJobException e)
        {
            stderr.WriteLine($"error: {e.Message}");
            return 1;
        }
    }

    private static string? Execute(VerbSpec verb, VerbInput input) =>
        verb.Run(input, CancellationToken.None).GetAwaiter().GetResult();

    private void Print(string? output)
    {
        if (output is not null)
        {
            stdout.WriteLine(output);
        }
    }

    private int RunBatch(VerbSpec verb)
    {
        var failed = false;
        var number = 0;
        while (stdin.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                Print(Execute(verb, ArgumentReader.FromBatchLine(verb, line)));
            }
            catch (Exception e) when (e is UsageException or PipelineJobException)
            {
                stdout.WriteLine($"error: line {number}: {OneLine(e)}");
                failed = true;
            }
        }

        return failed ? 1 : 0;
    }

    // Errors are one line: the problems of a validation failure are joined.
    private static string OneLine(Exception e) =>
        e is PipelineJobValidationException { Problems.Count: > 1 } invalid ? string.Join("; ", invalid.Problems) : e.Message;

    private int Fail(string message)
    {
        stderr.WriteLine($"error: {message}");
        return 2;
    }

    private void PrintUsage(TextWriter writer)
    {
        writer.WriteLine("usage: pipelinejobs <verb> [options]   (every verb also takes --batch: JSON Lines on stdin)");
        foreach (var verb in _verbs)
        {
            writer.WriteLine($"  pipelinejobs {verb.Usage}");
        }
    }
}
