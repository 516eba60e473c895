using PipelineSdk.Agave;
using PipelineSdk.Tokens;
using PipelineSdk.Urls;

namespace PipelineSdk.Tests.Urls;

// Expected notifications computed with /usr/bin/python3: the original's agave_notifications() (store.py, the hook
// plus "&status=${JOB_STATUS}" / "&status=FINISHED" / "&status=${JOB_STATUS}") over its build_webhook() with this SDK's fixes
// applied by hand (api_server.rstrip('/'), urllib.parse.quote(v, safe='') on every query value).
public class AgaveNotificationTests
{
    private const string Uuid = "107b93f3-1eae-5e79-8a18-0a480f8aa3a5";
    private static readonly CallbackToken Token = new("75e323a3576d3838");

    [Fact]
    public void Gives_the_originals_three_notifications_in_its_order()
    {
        var notifications = AgaveNotification.ForPipelineJob(status =>
            CallbackUrls.Build("https://api.sd2e.org/", "jobs-manager.prod", "SD2E_x4LbJ0rWZ5Ak", Token, Uuid, "wanted-mollusk", status));

        const string Hook = "https://api.sd2e.org/actors/v2/jobs-manager.prod/messages?x-nonce=SD2E_x4LbJ0rWZ5Ak&token=75e323a3576d3838&uuid=107b93f3-1eae-5e79-8a18-0a480f8aa3a5&session=wanted-mollusk";
        Assert.Equal(
            [
                new AgaveNotification("RUNNING", true, Hook + "&status=${JOB_STATUS}"),
                new AgaveNotification("FINISHED", false, Hook + "&status=FINISHED"),
                new AgaveNotification("FAILED", false, Hook + "&status=${JOB_STATUS}"),
            ],
            notifications);
    }

    [Fact]
    public void Encodes_the_query_values_as_the_callback_url_does_and_keeps_the_macro_literal()
    {
        var notifications = AgaveNotification.ForPipelineJob(status =>
            CallbackUrls.Build("https://api.sd2e.org", "mgr", "a+b/c=d&e", Token, Uuid, "wanted mollusk/é~_-.", status));

        Assert.Equal(
            [
                "https://api.sd2e.org/actors/v2/mgr/messages?x-nonce=a%2Bb%2Fc%3Dd%26e&token=75e323a3576d3838&uuid=107b93f3-1eae-5e79-8a18-0a480f8aa3a5&session=wanted%20mollusk%2F%C3%A9~_-.&status=${JOB_STATUS}",
                "https://api.sd2e.org/actors/v2/mgr/messages?x-nonce=a%2Bb%2Fc%3Dd%26e&token=75e323a3576d3838&uuid=107b93f3-1eae-5e79-8a18-0a480f8aa3a5&session=wanted%20mollusk%2F%C3%A9~_-.&status=FINISHED",
                "https://api.sd2e.org/actors/v2/mgr/messages?x-nonce=a%2Bb%2Fc%3Dd%26e&token=75e323a3576d3838&uuid=107b93f3-1eae-5e79-8a18-0a480f8aa3a5&session=wanted%20mollusk%2F%C3%A9~_-.&status=${JOB_STATUS}",
            ],
            notifications.Select(n => n.Url));
    }

    [Fact]
    public void Json_form_is_the_member_of_an_agave_job_definitions_notifications()
    {
        var notification = new AgaveNotification("RUNNING", true, "https://api.sd2e.org/actors/v2/m/messages?token=t0k3n5ecret&status=${JOB_STATUS}");

        Assert.Equal(
            """{"event":"RUNNING","persistent":true,"url":"https://api.sd2e.org/actors/v2/m/messages?token=t0k3n5ecret\u0026status=${JOB_STATUS}"}""",
            notification.ToJson().ToJsonString());
        Assert.Equal(
            """{"event":"RUNNING","persistent":true,"url":"https://api.sd2e.org/actors/v2/m/messages?token=t0k3n5ecret\u0026status=${JOB_STATUS}"}""",
            System.Text.Json.JsonSerializer.Serialize(notification));
    }

    [Fact]
    public void ToString_leaves_out_the_query_that_holds_the_token_and_nonce()
    {
        var notification = new AgaveNotification("FINISHED", false, "https://api.sd2e.org/actors/v2/m/messages?x-nonce=n0nce5ecret&token=t0k3n5ecret&status=FINISHED");

        var text = notification.ToString();

        Assert.Equal("AgaveNotification { Event = FINISHED, Persistent = False, Url = https://api.sd2e.org/actors/v2/m/messages?… }", text);
        Assert.DoesNotContain("5ecret", text, StringComparison.Ordinal);
    }
}
