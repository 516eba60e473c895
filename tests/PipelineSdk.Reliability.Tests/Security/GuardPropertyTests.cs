using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PipelineSdk.Agave;
using PipelineSdk.Auth;
using PipelineSdk.Errors;
using PipelineSdk.Http;
using PipelineSdk.Identifiers;
using PipelineSdk.Reliability.Tests.Support;
using PipelineSdk.Tokens;
using PipelineSdk.Urls;

namespace PipelineSdk.Reliability.Tests.Security;

/// <summary>
/// Crafted ids, sessions and paths (traversal, percent-encoding, URL syntax, controls, look-alikes) cannot steer a
/// callback URL, an archive path or an Agave files call outside where it belongs: each is refused with
/// <see cref="PipelineJobValidationException"/> or stays exactly in place.
/// </summary>
public sealed class GuardPropertyTests : SecretCheckedTest
{
    private static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(5);

    [Fact]
    public void Callback_urls_keep_every_crafted_value_inside_its_segment_or_query_value()
    {
        var callback = new CallbackToken("0123456789abcdef");
        Fuzz.Run(nameof(Callback_urls_keep_every_crafted_value_inside_its_segment_or_query_value), 5000, CaseTimeout, (random, _) =>
        {
            var managerId = Mutations.Crafted(random, 4);
            var session = random.Next(4) == 0 ? null : Mutations.Crafted(random);
            var nonce = random.Next(4) == 0 ? null : Mutations.Crafted(random, 3);
            var jobUuid = random.Next(3) == 0 ? "1073f4ff-c2b9-5190-bd9a-e6a406d9796a" : Mutations.Crafted(random, 3);
            string url;
            try
            {
                url = CallbackUrls.Build("https://api.sd2e.org/", managerId, nonce, callback, jobUuid, session, "FINISHED");
            }
            catch (PipelineJobValidationException e)
            {
                SuiteSecrets.Observe(e);
                Assert.DoesNotContain(callback.Reveal(), e.Message);
                return;
            }

            var uri = new Uri(url);
            Assert.Equal("api.sd2e.org", uri.Host);
            Assert.Equal(Uri.UriSchemeHttps, uri.Scheme);
            Assert.Equal("", uri.Fragment);
            var segments = uri.AbsolutePath.Split('/');
            Assert.Equal(["", "actors", "v2", segments[3], "messages"], segments);
            Assert.Equal(AsUtf8(managerId), Uri.UnescapeDataString(segments[3]));

            var query = uri.Query.TrimStart('?').Split('&').Select(pair => pair.Split('=')).ToList();
            Assert.All(query, pair => Assert.Equal(2, pair.Length));
            var values = query.ToDictionary(pair => pair[0], pair => Uri.UnescapeDataString(pair[1]));
            var expected = new Dictionary<string, string> { ["token"] = callback.Reveal(), ["uuid"] = jobUuid, ["status"] = "FINISHED" };
            if (!string.IsNullOrEmpty(nonce))
            {
                expected["x-nonce"] = nonce;
            }

            if (!string.IsNullOrEmpty(session))
            {
                expected["session"] = session;
            }

            // Percent-encoding replaces a lone surrogate (not text) with U+FFFD, as UTF-8 encoding does.
            Assert.Equal(expected.Select(p => (p.Key, AsUtf8(p.Value))).OrderBy(p => p.Key), values.Select(p => (p.Key, p.Value)).OrderBy(p => p.Key));
        });
    }

    [Fact]
    public void Archive_paths_stay_below_the_default_path_for_any_session_and_refuse_crafted_pipelines()
    {
        const string pipeline = "106c46ff-8186-5756-a934-071f4497b58d";
        var at = new DateTimeOffset(2019, 2, 15, 21, 30, 9, TimeSpan.Zero);
        var root = ArchivePaths.Default(pipeline, [], []);
        Fuzz.Run(nameof(Archive_paths_stay_below_the_default_path_for_any_session_and_refuse_crafted_pipelines), 5000, CaseTimeout, (random, _) =>
        {
            var session = Mutations.Crafted(random);
            try
            {
                var path = ArchivePaths.Instanced(pipeline, [], [], session, at);
                var directory = path[(root.Length + 1)..];
                Assert.StartsWith(root + "/", path);
                Assert.DoesNotContain('/', directory);
                Assert.DoesNotContain('\\', directory);
                Assert.DoesNotContain("..", directory);
                Assert.DoesNotContain(directory, char.IsControl);
                Assert.EndsWith("20190215T213009Z", directory);
            }
            catch (PipelineJobValidationException e)
            {
                Assert.Contains("cannot contain path syntax", e.Message);
            }

            var crafted = random.Next(2) == 0 ? pipeline + Mutations.Crafted(random, 2) : Mutations.Crafted(random);
            try
            {
                var other = ArchivePaths.Default(crafted, [], []);
                Assert.Equal(pipeline, crafted);
                Assert.Equal(root, other);
            }
            catch (PipelineJobValidationException e)
            {
                Assert.Contains("is not a pipeline UUID", e.Message);
            }
        });
    }

    [Fact]
    public async Task Agave_mkdir_and_delete_never_reach_outside_the_allowed_roots()
    {
        var handler = new RecordingHandler();
        var options = new PipelineHttpOptions { ApiServer = new Uri("https://api.sd2e.org/"), AccessToken = "agave-access-token-123", MaxAttempts = 1 };
        SuiteSecrets.Register(options.AccessToken);
        var client = new AgaveFilesClient(new HttpClient(handler), Options.Create(options), SuiteSecrets.LoggerFactory.CreateLogger<AgaveFilesClient>());
        var refused = 0;
        var sent = 0;

        for (var i = 0; i < 3000 * Fuzz.Scale; i++)
        {
            var random = Fuzz.CaseRandom(nameof(Agave_mkdir_and_delete_never_reach_outside_the_allowed_roots), i);
            var path = random.Next(2) == 0 ? "/products/v2/" + Mutations.Crafted(random) : Mutations.Crafted(random);
            handler.Requests.Clear();
            try
            {
                if (random.Next(2) == 0)
                {
                    await client.MakeDirectoryAsync("data-sd2e-community", path);
                }
                else
                {
                    await client.DeleteAsync("data-sd2e-community", path);
                }

                sent++;
            }
            catch (PipelineJobValidationException e)
            {
                SuiteSecrets.Observe(e);
                refused++;
                Assert.Empty(handler.Requests);
                continue;
            }

            foreach (var target in handler.Targets())
            {
                Assert.True(target.StartsWith("/products/v2/", StringComparison.Ordinal) && target.Length > "/products/v2/".Length,
                    $"case {i} (seed {Fuzz.Seed}): '{path}' reached '{target}'");
                Assert.DoesNotContain("/../", target + "/");
                Assert.DoesNotContain("/./", target + "/");
            }
        }

        Assert.True(refused > 100 && sent > 100, $"refused {refused}, sent {sent}");
    }

    private static string AsUtf8(string text) => System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(text));

    /// <summary>Answers like Agave (a listing is 404, mkdir and delete succeed) and records what was asked for.</summary>
    private sealed class RecordingHandler : HttpMessageHandler
    {
        private const string MediaPrefix = "/files/v2/media/system/data-sd2e-community";
        private const string ListingPrefix = "/files/v2/listings/system/data-sd2e-community";

        public List<(HttpMethod Method, Uri Uri, string? Body)> Requests { get; } = [];

        /// <summary>The file-system paths the recorded calls act on (mkdir's body path, delete's URL path).</summary>
        public IEnumerable<string> Targets()
        {
            foreach (var (method, uri, body) in Requests)
            {
                if (method == HttpMethod.Put)
                {
                    yield return JsonNode.Parse(body!)!["path"]!.GetValue<string>();
                }
                else if (method == HttpMethod.Delete)
                {
                    var path = Uri.UnescapeDataString(uri.AbsolutePath);
                    Assert.StartsWith(MediaPrefix + "/", path);
                    yield return path[MediaPrefix.Length..];
                }
            }
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            Requests.Add((request.Method, request.RequestUri!, body));
            var isListing = request.RequestUri!.AbsolutePath.StartsWith(ListingPrefix, StringComparison.Ordinal);
            return new HttpResponseMessage(isListing ? HttpStatusCode.NotFound : HttpStatusCode.OK) { Content = new StringContent("{\"status\":\"success\",\"result\":{}}") };
        }
    }
}
