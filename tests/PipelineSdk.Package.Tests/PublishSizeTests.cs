using System.Net;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PipelineSdk.Package.Tests;

/// <summary>
/// The smallest real reactor: a console app that references only the core package and posts one event to the
/// jobs-manager through the remote transport (the core package README's example). Published framework-dependent, it
/// stays within the size goal and runs on a .NET installation that has no shared framework but Microsoft.NETCore.App,
/// as in the plain runtime image.
/// </summary>
[Collection(PackedFeedCollection.Name)]
public sealed partial class PublishSizeTests(PackedFeed packed)
{
    /// <summary>
    /// 1.5 MB, in the units du -h prints and docs/package-sizes.md uses (1 MB = 1,048,576 bytes), counted as the
    /// sum of the published files' lengths.
    /// </summary>
    private const long Goal = 1_572_864;

    private const string JobUuid = "107653ca-020f-5f03-9663-41cff415b087";

    [Fact]
    public async Task Console_reactor_posting_through_the_jobs_manager_publishes_within_the_goal_and_runs_on_the_plain_runtime()
    {
        var project = Path.Combine(packed.Workspace, "SizeReactor");
        packed.Write("SizeReactor/SizeReactor.csproj", ConsumerProject.WithPackages("PipelineSdk"));
        packed.Write("SizeReactor/Program.cs", CoreReadmeExample());
        var output = Path.Combine(project, "publish");

        var publish = DotnetProcess.Run(project, null, "publish", "-c", "Release", "-o", output);

        Assert.True(publish.ExitCode == 0, publish.ToString());
        var files = Directory.GetFiles(output, "*", SearchOption.AllDirectories).Select(path => new FileInfo(path)).ToList();
        var size = files.Sum(file => file.Length);
        Assert.True(size <= Goal, $"published {size:N0} bytes, goal {Goal:N0}:\n" +
            string.Join('\n', files.OrderByDescending(file => file.Length).Select(file => $"{file.Length,12:N0} {file.Name}")));
        var runtimeOptions = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "SizeReactor.runtimeconfig.json")))!["runtimeOptions"]!;
        Assert.Null(runtimeOptions["frameworks"]);
        Assert.Equal("Microsoft.NETCore.App", (string?)runtimeOptions["framework"]!["name"]);

        using var manager = new HttpListener();
        var port = FreePort();
        manager.Prefixes.Add($"http://127.0.0.1:{port}/");
        manager.Start();
        var received = AnswerOneEventAsync(manager);
        var messagesUrl = $"http://127.0.0.1:{port}/actors/v2/jobs-manager.prod/messages?x-nonce=TACC_0123abcd";

        var run = await Task.Run(() => DotnetProcess.Run(PlainRuntime(), output, new Dictionary<string, string?> { ["DOTNET_ROOT"] = null },
            Path.Combine(output, "SizeReactor.dll"), messagesUrl, JobUuid));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal($"{JobUuid} is Running", run.Stdout.Trim());
        var (path, query, body) = await received;
        Assert.Equal(("/actors/v2/jobs-manager.prod/messages", "?x-nonce=TACC_0123abcd"), (path, query));
        Assert.Equal((JobUuid, "update"), ((string?)body["uuid"], (string?)body["name"]));
    }

    /// <summary>The one C# block of the core package's README (runtime/PipelineSdk.Runtime/PACKAGE.md).</summary>
    private static string CoreReadmeExample() =>
        CsharpBlock().Match(File.ReadAllText(Repository.PathOf("runtime", "PipelineSdk.Runtime", "PACKAGE.md"))) is { Success: true } block
            ? block.Groups[1].Value
            : throw new InvalidOperationException("runtime/PipelineSdk.Runtime/PACKAGE.md has no C# block");

    /// <summary>Takes one POST as the jobs-manager would and answers with the job's new state.</summary>
    private static async Task<(string Path, string Query, JsonNode Body)> AnswerOneEventAsync(HttpListener manager)
    {
        var context = await manager.GetContextAsync();
        using var reader = new StreamReader(context.Request.InputStream);
        var body = JsonNode.Parse(await reader.ReadToEndAsync())!;
        var answer = new JsonObject
        {
            ["status"] = "success",
            ["message"] = "event accepted",
            ["result"] = new JsonObject
            {
                ["executionId"] = "exec-1",
                ["job"] = new JsonObject { ["uuid"] = (string?)body["uuid"], ["state"] = "RUNNING", ["last_event"] = "update" },
            },
        };
        var bytes = System.Text.Encoding.UTF8.GetBytes(answer.ToJsonString());
        context.Response.ContentType = "application/json";
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
        return (context.Request.Url!.AbsolutePath, context.Request.Url.Query, body);
    }

    /// <summary>
    /// A .NET installation as the runtime image has it: the dotnet host and Microsoft.NETCore.App only (this
    /// machine's, linked), no ASP.NET Core. Returns its <c>dotnet</c>.
    /// </summary>
    private string PlainRuntime()
    {
        var netCoreApp = Path.GetDirectoryName(RuntimeEnvironment.GetRuntimeDirectory().TrimEnd(Path.DirectorySeparatorChar))!;
        var root = Path.GetDirectoryName(Path.GetDirectoryName(netCoreApp))!;
        var image = Directory.CreateDirectory(Path.Combine(packed.Workspace, "runtime-image")).FullName;
        var dotnet = Path.Combine(image, "dotnet");
        if (!File.Exists(dotnet))
        {
            File.Copy(Path.Combine(root, "dotnet"), dotnet);
            Directory.CreateSymbolicLink(Path.Combine(image, "host"), Path.Combine(root, "host"));
            Directory.CreateDirectory(Path.Combine(image, "shared"));
            Directory.CreateSymbolicLink(Path.Combine(image, "shared", "Microsoft.NETCore.App"), netCoreApp);
        }

        return dotnet;
    }

    private static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CsharpBlock();
}
