using PipelineSdk.Cli.Arguments;
using PipelineSdk.Cli.Verbs;
using PipelineSdk.Errors;

namespace PipelineSdk.Cli;

/// <summary>
/// The <c>pipelinejobs</c> command: finds the verb, reads its arguments from the command line or, with
/// <c>--batch</c>, one JSON object per stdin line, and prints one result per invocation.
/// Exit codes: 0 success, 1 a batch line failed, 2 usage error.
/// </summary>
public sealed class CliApp(TextReader stdin, TextWriter stdout, TextWriter stderr, Func<string, string?> environment, TimeProvider clock)
{
    private readonly IReadOnlyList<VerbSpec> _verbs = ComputeVerbs.All(environment, clock);

    /// <summary>Runs one command and returns its exit code.</summary>
    public int Run(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0] is "-h" or "--help" or "help")
        {
            PrintUsage(args.Count == 0 ? stderr : stdout);
            return args.Count == 0 ? 2 : 0;
        }

        var verb = _verbs.FirstOrDefault(v => v.Name == args[0]);
        if (verb is null)
        {
            stderr.WriteLine($"error: unknown verb '{args[0]}'; run 'pipelinejobs help' for the list");
            return 2;
        }

        var rest = args.Skip(1).ToList();
        if (rest.Remove("--batch"))
        {
            return rest.Count == 0 ? RunBatch(verb) : Fail($"{verb.Name} --batch takes its arguments from stdin, not '{rest[0]}'");
        }

        try
        {
            stdout.WriteLine(verb.Compute(ArgumentReader.FromCommandLine(verb, rest)));
            return 0;
        }
        catch (Exception e) when (e is UsageException or PipelineJobException)
        {
            return Fail(e.Message);
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
                stdout.WriteLine(verb.Compute(ArgumentReader.FromBatchLine(verb, line)));
            }
            catch (Exception e) when (e is UsageException or PipelineJobException)
            {
                stdout.WriteLine($"error: line {number}: {e.Message}");
                failed = true;
            }
        }

        return failed ? 1 : 0;
    }

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
