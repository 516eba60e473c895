using PipelineSdk.Errors;
using PipelineSdk.Urls;

namespace PipelineSdk.Tests.Urls;

// Expected values computed with /usr/bin/python3, /tmp/core-tokens/urls.py: APPID_REGEX with re.match and the 64
// character limit of datacatalog/identifiers/agave/appid.py, and the canonicalize_* formats of store.py with
// api_server.rstrip('/') and ids through urllib.parse.quote(id, safe='').
public class CanonicalIdsTests
{
    private const string Api = "https://api.sd2e.org/";
    private const string AgaveJobId = "4113497574638735851-242ac11b-0001-007";

    [Theory]
    [InlineData("tacc-sample-app-0.1.0u2", true)]
    [InlineData("sd2e-pipeline-1.0.0", true)]
    [InlineData("fastqc-0.11.7u1", true)]
    [InlineData("app_0-0.1", true)]
    [InlineData("a-1.0", true)]
    [InlineData("a-10.2.3", true)]
    [InlineData("app-01.0", true)]
    [InlineData("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx-1.0.0", true)] // 64 characters
    [InlineData("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx-1.0.0", false)] // 65 characters
    [InlineData("app-1.0\n", true)] // Python's '$' also matches before a final newline
    [InlineData("app-\u0661.0", false)]
    [InlineData("Mq7R8kBAlq7vB", false)]
    [InlineData("jobs-manager.prod", false)]
    [InlineData("app-1", false)]
    [InlineData("app-1.0u", false)]
    [InlineData("app-1.0x", false)]
    [InlineData("-1.0", false)]
    public void Recognises_agave_app_ids_as_the_original_does(string id, bool isAppId) =>
        Assert.Equal(isAppId, CanonicalIds.IsAgaveAppId(id));

    [Fact]
    public void An_agent_that_is_an_agave_app_is_an_app_url() =>
        Assert.Equal("https://api.sd2e.org/apps/v2/tacc-sample-app-0.1.0u2", CanonicalIds.Agent(Api, "tacc-sample-app-0.1.0u2"));

    [Fact]
    public void Any_other_agent_is_an_actor_url() =>
        Assert.Equal("https://api.sd2e.org/actors/v2/Mq7R8kBAlq7vB", CanonicalIds.Agent(Api, "Mq7R8kBAlq7vB"));

    [Fact]
    public void A_task_that_is_an_agave_job_id_is_a_jobs_url_not_an_apps_url()
    {
        // The original produced https://api.sd2e.org//apps/v2/4113497574638735851-242ac11b-0001-007.
        Assert.Equal("https://api.sd2e.org/jobs/v2/4113497574638735851-242ac11b-0001-007", CanonicalIds.Task(Api, "tacc-sample-app-0.1.0u2", AgaveJobId));
    }

    [Fact]
    public void Any_other_task_is_an_execution_of_the_original_agent_id() =>
        Assert.Equal(
            "https://api.sd2e.org/actors/v2/Mq7R8kBAlq7vB/executions/kx8GBLeELbm5P",
            CanonicalIds.Task(Api, "Mq7R8kBAlq7vB", "kx8GBLeELbm5P"));

    [Fact]
    public void The_helpers_build_each_resource_url()
    {
        Assert.Equal("https://api.sd2e.org/actors/v2/Mq7R8kBAlq7vB", CanonicalIds.Actor(Api, "Mq7R8kBAlq7vB"));
        Assert.Equal("https://api.sd2e.org/actors/v2/Mq7R8kBAlq7vB/executions/kx8GBLeELbm5P", CanonicalIds.Execution(Api, "Mq7R8kBAlq7vB", "kx8GBLeELbm5P"));
        Assert.Equal("https://api.sd2e.org/apps/v2/tacc-sample-app-0.1.0u2", CanonicalIds.App(Api, "tacc-sample-app-0.1.0u2"));
        Assert.Equal("https://api.sd2e.org/systems/v2/data-sd2e-community", CanonicalIds.System(Api, "data-sd2e-community"));
        Assert.Equal("https://api.sd2e.org/jobs/v2/4113497574638735851-242ac11b-0001-007", CanonicalIds.Job(Api, AgaveJobId));
    }

    [Theory]
    [InlineData("https://api.sd2e.org")]
    [InlineData("https://api.sd2e.org/")]
    [InlineData("https://api.sd2e.org//")]
    public void Never_has_a_double_slash(string apiServer) =>
        Assert.Equal("https://api.sd2e.org/actors/v2/Mq7R8kBAlq7vB", CanonicalIds.Agent(apiServer, "Mq7R8kBAlq7vB"));

    [Fact]
    public void Ids_are_encoded_as_one_path_segment() =>
        Assert.Equal("https://api.sd2e.org/actors/v2/a%2Fb%3Fc", CanonicalIds.Actor(Api, "a/b?c"));

    [Theory]
    [InlineData("abc-007", true)]
    [InlineData(AgaveJobId, true)]
    [InlineData("abc-0007", false)]
    [InlineData("abc-007x", false)]
    [InlineData("kx8GBLeELbm5P", false)]
    public void Recognises_agave_job_ids_by_their_suffix(string id, bool isJobId) =>
        Assert.Equal(isJobId, CanonicalIds.IsAgaveJobId(id));

    [Fact]
    public void Unusable_ids_and_servers_are_refused_by_name()
    {
        Assert.Contains("actor id", Assert.Throws<PipelineJobValidationException>(() => CanonicalIds.Agent(Api, "")).Message, StringComparison.Ordinal);
        Assert.Contains("execution id", Assert.Throws<PipelineJobValidationException>(() => CanonicalIds.Task(Api, "Mq7R8kBAlq7vB", "..")).Message, StringComparison.Ordinal);
        Assert.Contains("api_server", Assert.Throws<PipelineJobValidationException>(() => CanonicalIds.Job("api.sd2e.org", AgaveJobId)).Message, StringComparison.Ordinal);
    }
}
