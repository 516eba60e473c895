using System.Text.Json.Nodes;

namespace PipelineSdk.Package.Tests;

/// <summary>
/// The images of samples/HelloReactor/Dockerfile and samples/JobsManager/Dockerfile cannot be built here (no Docker
/// engine), so these tests run the <c>dotnet publish</c> output in the layout the Dockerfiles create: the app in
/// <c>app/</c> (<c>/app</c>), config.yml in the working directory <c>work/</c> (<c>/work</c>), Abaco's variables in the
/// environment, a home of its own for the default store file, and no owner variable but Abaco's <c>_abaco_username</c>.
/// </summary>
[Collection(PackedFeedCollection.Name)]
public sealed class ContainerLayoutTests(PackedFeed packed)
{
    [Fact]
    public void Dockerfiles_put_the_app_in_app_and_config_yml_in_the_working_directory_work()
    {
        foreach (var (folder, entryPoint) in new[] { ("HelloReactor", "\"/app/HelloReactor.dll\"]"), ("JobsManager", "\"/app/pipelinejobs.dll\", \"actor\"]") })
        {
            var runtimeStage = File.ReadAllText(Repository.PathOf("samples", folder, "Dockerfile")).Split("FROM mcr.microsoft.com/dotnet/aspnet:10.0")[1];

            Assert.Contains("COPY --from=build /app /app\n", runtimeStage, StringComparison.Ordinal);
            Assert.Contains("WORKDIR /work\n", runtimeStage, StringComparison.Ordinal);
            Assert.Contains($"COPY samples/{folder}/config.yml /work/config.yml\n", runtimeStage, StringComparison.Ordinal);
            Assert.Contains("ENTRYPOINT [\"dotnet\", " + entryPoint, runtimeStage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void README_walkthrough_runs_the_published_sample_reactor_with_config_yml_in_the_working_directory()
    {
        var walkthrough = ReadmeBlocks.RunnableUnder("Running in a container", "bash");
        var root = Path.Combine(packed.Workspace, "container");
        packed.CopyProject(Repository.PathOf("samples", "HelloReactor"), Path.Combine("container", "samples", "HelloReactor"));

        var run = DotnetProcess.Run("bash", root, ContainerEnvironment(root), "-euo", "pipefail", "-c", walkthrough.Text);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.False(File.Exists(Path.Combine(root, "image", "app", "config.yml")), "config.yml must come from the working directory only");
        Assert.Contains("is FINISHED after 'finish'. History:", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("""{"sample":"container","greeting":"Hello from a C# reactor"}""", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Published_jobs_manager_applies_the_event_in_MSG_with_config_yml_in_the_working_directory()
    {
        var root = Path.Combine(packed.Workspace, "jobs-manager");
        var app = Path.Combine(root, "app");
        var work = Directory.CreateDirectory(Path.Combine(root, "work")).FullName;
        var publish = DotnetProcess.Run(Repository.Root, null,
            "publish", Repository.PathOf("runtime", "PipelineSdk.Cli", "PipelineSdk.Cli.csproj"), "-c", Repository.Configuration, "--no-build", "-o", app);
        Assert.True(publish.ExitCode == 0, publish.ToString());
        File.Copy(Repository.PathOf("samples", "JobsManager", "config.yml"), Path.Combine(work, "config.yml"));
        var environment = new Dictionary<string, string?>(ContainerEnvironment(root)) { ["_abaco_username"] = "alice" };
        DotnetResult Pipelinejobs(params string[] args) => DotnetProcess.Run(work, environment, [Path.Combine(app, "pipelinejobs.dll"), .. args]);

        // An operator registers the pipeline and a reactor creates a job, both with the same store and config.yml.
        Assert.Equal(0, Pipelinejobs("pipelines", "add", "--uuid", "106c46ff-8186-5756-a934-071f4497b58d").ExitCode);
        var create = Pipelinejobs("create", "--pipeline", "106c46ff-8186-5756-a934-071f4497b58d", "--json");
        Assert.True(create.ExitCode == 0, create.ToString());
        var job = JsonNode.Parse(create.Stdout)!;
        Assert.Contains("/actors/v2/jobs-manager.prod/messages?", (string?)job["callback"], StringComparison.Ordinal);

        // The actor's execution: Abaco's variables, the message as the Python-literal text Abaco delivers.
        var execution = new Dictionary<string, string?>(environment)
        {
            ["_abaco_actor_id"] = "jobs-manager.prod",
            ["_abaco_execution_id"] = "kDOdB5pNPlkWq",
            ["MSG"] = $"{{'uuid': '{job["uuid"]}', 'name': 'run', 'token': '{job["token"]}'}}",
        };
        var actor = DotnetProcess.Run(work, execution, Path.Combine(app, "pipelinejobs.dll"), "actor");

        Assert.True(actor.ExitCode == 0, actor.ToString());
        var shown = Pipelinejobs("show", (string)job["uuid"]!, "--json");
        Assert.True(shown.ExitCode == 0, shown.ToString());
        Assert.Equal("RUNNING", (string?)JsonNode.Parse(shown.Stdout)!["state"]);
    }

    /// <summary>A container's environment: a home of its own (where the default store file goes) and no owner variable.</summary>
    private static Dictionary<string, string?> ContainerEnvironment(string root) => new()
    {
        ["HOME"] = Directory.CreateDirectory(Path.Combine(root, "home")).FullName,
        ["XDG_DATA_HOME"] = null,
        ["USER"] = null, ["TACC_USERNAME"] = null, ["AGAVE_USERNAME"] = null, ["JUPYTERHUB_USER"] = null, ["_abaco_username"] = null,
    };
}
