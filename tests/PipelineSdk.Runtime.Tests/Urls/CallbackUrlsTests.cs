using PipelineSdk.Errors;
using PipelineSdk.Tokens;
using PipelineSdk.Urls;

namespace PipelineSdk.Tests.Urls;

// Expected URLs computed with /usr/bin/python3, /tmp/core-tokens/urls.py: the original's format (store.py
// build_webhook) with this SDK's fixes applied by hand: api_server.rstrip('/'), every query value and
// the manager id through urllib.parse.quote(v, safe=''), None nonce/session left out, an Agave ${MACRO} status kept.
public class CallbackUrlsTests
{
    private const string Uuid = "107b93f3-1eae-5e79-8a18-0a480f8aa3a5";
    private static readonly CallbackToken Token = new("75e323a3576d3838");

    [Fact]
    public void Builds_the_originals_format()
    {
        Assert.Equal(
            "https://api.sd2e.org/actors/v2/jobs-manager.prod/messages?x-nonce=SD2E_x4LbJ0rWZ5Ak&token=75e323a3576d3838&uuid=107b93f3-1eae-5e79-8a18-0a480f8aa3a5&session=wanted-mollusk",
            CallbackUrls.Build("https://api.sd2e.org", "jobs-manager.prod", "SD2E_x4LbJ0rWZ5Ak", Token, Uuid, "wanted-mollusk"));
    }

    [Theory]
    [InlineData("https://api.sd2e.org/")]
    [InlineData("https://api.sd2e.org///")]
    [InlineData(" https://api.sd2e.org/ ")]
    public void Has_no_double_slash_whatever_trailing_slashes_the_server_has(string apiServer)
    {
        // The original, with its default api_server https://api.sd2e.org/, produced
        // https://api.sd2e.org//actors/v2/jobs-manager.prod/messages?x-nonce=None&token=...
        var url = CallbackUrls.Build(apiServer, "jobs-manager.prod", "SD2E_x4LbJ0rWZ5Ak", Token, Uuid, "wanted-mollusk", "FINISHED");
        Assert.Equal(
            "https://api.sd2e.org/actors/v2/jobs-manager.prod/messages?x-nonce=SD2E_x4LbJ0rWZ5Ak&token=75e323a3576d3838&uuid=107b93f3-1eae-5e79-8a18-0a480f8aa3a5&session=wanted-mollusk&status=FINISHED",
            url);
        Assert.DoesNotContain("//", url["https://".Length..], StringComparison.Ordinal);
    }

    [Fact]
    public void Keeps_the_path_of_an_api_server_behind_a_prefix()
    {
        Assert.Equal(
            "https://example.org/tapis/actors/v2/G1p783PxpalBB/messages?x-nonce=n&token=75e323a3576d3838&uuid=107b93f3-1eae-5e79-8a18-0a480f8aa3a5&session=s",
            CallbackUrls.Build("https://example.org/tapis/", "G1p783PxpalBB", "n", Token, Uuid, "s"));
    }

    [Fact]
    public void Leaves_out_a_null_nonce_and_session_where_the_original_printed_None()
    {
        Assert.Equal(
            "https://api.sd2e.org/actors/v2/jobs-manager.prod/messages?token=75e323a3576d3838&uuid=107b93f3-1eae-5e79-8a18-0a480f8aa3a5&status=${JOB_STATUS}",
            CallbackUrls.Build("https://api.sd2e.org///", "jobs-manager.prod", null, Token, Uuid, null, CallbackUrls.AgaveJobStatusMacro));
        Assert.DoesNotContain("None", CallbackUrls.Build("https://api.sd2e.org", "m", null, Token, Uuid, ""), StringComparison.Ordinal);
    }

    [Fact]
    public void Percent_encodes_every_query_value()
    {
        Assert.Equal(
            "https://api.sd2e.org/actors/v2/mgr/messages?x-nonce=a%2Bb%2Fc%3Dd%26e&token=75e323a3576d3838&uuid=107b93f3-1eae-5e79-8a18-0a480f8aa3a5&session=wanted%20mollusk%2F%C3%A9~_-.&status=a%20b%26c",
            CallbackUrls.Build("https://api.sd2e.org", "mgr", "a+b/c=d&e", Token, Uuid, "wanted mollusk/é~_-.", "a b&c"));
    }

    [Fact]
    public void Query_values_round_trip_through_a_standard_parser()
    {
        var url = CallbackUrls.Build("https://api.sd2e.org", "mgr", "n&x=1", new CallbackToken("t?k#n"), "u u", "s=1;2", "é");
        var query = Query(new Uri(url));
        Assert.Equal(["x-nonce", "token", "uuid", "session", "status"], query.Keys);
        Assert.Equal(["n&x=1", "t?k#n", "u u", "s=1;2", "é"], query.Values);
    }

    [Theory]
    [InlineData("../x", "https://api.sd2e.org/actors/v2/..%2Fx/messages?x-nonce=n&token=75e323a3576d3838&uuid=107b93f3-1eae-5e79-8a18-0a480f8aa3a5&session=s")]
    [InlineData("a?b", "https://api.sd2e.org/actors/v2/a%3Fb/messages?x-nonce=n&token=75e323a3576d3838&uuid=107b93f3-1eae-5e79-8a18-0a480f8aa3a5&session=s")]
    [InlineData("a&token=evil#f", "https://api.sd2e.org/actors/v2/a%26token%3Devil%23f/messages?x-nonce=n&token=75e323a3576d3838&uuid=107b93f3-1eae-5e79-8a18-0a480f8aa3a5&session=s")]
    public void A_crafted_manager_id_cannot_change_the_path_or_add_parameters(string managerId, string expected)
    {
        var url = CallbackUrls.Build("https://api.sd2e.org", managerId, "n", Token, Uuid, "s");
        Assert.Equal(expected, url);

        var uri = new Uri(url);
        Assert.Equal(["/", "actors/", "v2/", Uri.EscapeDataString(managerId) + "/", "messages"], uri.Segments);
        Assert.Equal(string.Empty, uri.Fragment);
        Assert.Equal(["x-nonce", "token", "uuid", "session"], Query(uri).Keys);
        Assert.Equal("75e323a3576d3838", Query(uri)["token"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(".")]
    [InlineData("..")]
    public void An_unusable_manager_id_is_refused_by_name(string managerId)
    {
        var error = Assert.Throws<PipelineJobValidationException>(() => CallbackUrls.Build("https://api.sd2e.org", managerId, "n", Token, Uuid, "s"));
        Assert.Contains("job_manager_id", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("api.sd2e.org")]
    [InlineData("/actors")]
    [InlineData("ftp://api.sd2e.org")]
    [InlineData("file:///tmp/api")]
    [InlineData("mailto:someone@example.org")]
    [InlineData("https://api.sd2e.org/?x=1")]
    [InlineData("https://api.sd2e.org/#top")]
    [InlineData("https://api.sd2e.org#")]
    public void An_api_server_that_is_not_an_absolute_http_uri_is_refused_by_name(string apiServer)
    {
        var error = Assert.Throws<PipelineJobValidationException>(() => CallbackUrls.Build(apiServer, "mgr", "n", Token, Uuid, "s"));
        Assert.Contains("api_server", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_api_server_value_is_not_echoed_in_errors()
    {
        var error = Assert.Throws<PipelineJobValidationException>(() => CallbackUrls.Build("ftp://user:hunter2@host", "mgr", "n", Token, Uuid, "s"));
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_uuid_is_refused_by_name()
    {
        var error = Assert.Throws<PipelineJobValidationException>(() => CallbackUrls.Build("https://api.sd2e.org", "mgr", "n", Token, "", "s"));
        Assert.Contains("uuid", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => CallbackUrls.Build("https://api.sd2e.org", "mgr", "n", null!, Uuid, "s"));
    }

    [Fact]
    public void The_agave_status_macro_reaches_agave_literally_and_its_substitution_gives_a_valid_status()
    {
        // Agave's JobNotificationEvent.resolveMacros replaces the literal text "${JOB_STATUS}" in the notification URL
        // (agave-flat, notifications-core); an encoded %24%7BJOB_STATUS%7D would never be replaced.
        var template = CallbackUrls.Build("https://api.sd2e.org/", "jobs-manager.prod", "SD2E_x4LbJ0rWZ5Ak", Token, Uuid, "wanted-mollusk", CallbackUrls.AgaveJobStatusMacro);
        Assert.EndsWith("&status=${JOB_STATUS}", template, StringComparison.Ordinal);

        var fired = template.Replace("${JOB_STATUS}", "RUNNING", StringComparison.Ordinal);
        Assert.Equal("RUNNING", Query(new Uri(fired))["status"]);
    }

    [Theory]
    [InlineData("${JOB_STATUS}", true)]
    [InlineData("${EVENT}", true)]
    [InlineData("${JOB_ARCHIVE_PATH}", true)]
    [InlineData("${job_status}", false)]
    [InlineData("${JOB_STATUS}&x=1", false)]
    [InlineData("$JOB_STATUS", false)]
    [InlineData("${}", false)]
    [InlineData("${JOB_STATUS}\n", false)]
    public void Only_a_whole_agave_macro_stays_literal(string status, bool literal)
    {
        Assert.Equal(literal, CallbackUrls.IsAgaveMacro(status));
        var url = CallbackUrls.Build("https://api.sd2e.org", "mgr", "n", Token, Uuid, "s", status);
        var appended = url[(url.IndexOf("&status=", StringComparison.Ordinal) + "&status=".Length)..];
        Assert.Equal(literal ? status : Uri.EscapeDataString(status), appended);
    }

    [Fact]
    public void A_lower_case_macro_is_encoded()
    {
        Assert.Equal(
            "https://api.sd2e.org/actors/v2/mgr/messages?x-nonce=n&token=75e323a3576d3838&uuid=107b93f3-1eae-5e79-8a18-0a480f8aa3a5&session=s&status=%24%7Bjob_status%7D",
            CallbackUrls.Build("https://api.sd2e.org", "mgr", "n", Token, Uuid, "s", "${job_status}"));
    }

    private static Dictionary<string, string> Query(Uri uri) =>
        uri.Query.TrimStart('?').Split('&')
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => Uri.UnescapeDataString(pair[0]), pair => Uri.UnescapeDataString(pair[1]));
}
