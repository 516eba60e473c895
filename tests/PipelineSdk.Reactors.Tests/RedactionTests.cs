using Microsoft.Extensions.Logging;
using PipelineSdk.Logging;
using PipelineSdk.Reactors.Tests.Support;
using PipelineSdk.Reactors;

namespace PipelineSdk.Reactors.Tests;

public sealed class RedactionTests
{
    private const string Webhook = "https://hooks.slack.com/services/T000/B000/XXXXXXXX";
    private const string RegistryPassword = "regpass-777";
    private const string Registered = "registered-secret-42";

    [Fact]
    public void Nothing_the_reactor_logs_contains_a_secret()
    {
        var environment = AbacoFixtures.Deployed();
        environment["_REACTOR_SLACK_WEBHOOK"] = Webhook;
        environment["TAPIS_CLI_REGISTRY_PASSWORD"] = RegistryPassword;
        var capture = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(builder => builder.AddProvider(capture).SetMinimumLevel(LogLevel.Trace));
        var context = ReactorContext.FromEnvironment(environment, new ReactorContextOptions
        {
            LoggerFactory = factory,
            Secrets = [Registered, "abcd"],
            BinaryMessagePath = "/nonexistent",
        });
        var token = context.AccessToken!.Reveal();
        var nonce = context.Nonce!.Reveal();
        var other = context.CreateLogger("Other");

#pragma warning disable CA2254 // the secret inside the template is the point of this line
        context.Logger.LogInformation($"token is {token} and temp is /mnt/ephemeral-01/x");
#pragma warning restore CA2254
        context.Logger.LogWarning("Nonce {Nonce} for {Who} after {Count} tries", nonce, "jdoe", 3);
        other.LogError(new InvalidOperationException($"failed with {AbacoFixtures.LogsToken}"), "Posting to {Hook} failed", Webhook);
        using (other.BeginScope("webhook {Hook}", Webhook))
        using (other.BeginScope(new Dictionary<string, object> { ["password"] = RegistryPassword, ["list"] = new[] { Registered } }))
        {
            other.LogDebug("inside the scope, {Short}", "abcd");
        }

        context.OnFailure($"Could not send with {Registered}", new InvalidOperationException($"nonce {nonce} refused"));

        var text = capture.AllText;
        string[] secrets = [token, nonce, AbacoFixtures.LogsToken, Webhook, RegistryPassword, Registered, "/mnt/ephemeral-01"];
        Assert.All(secrets, secret => Assert.DoesNotContain(secret, text));
        Assert.Contains("token is ***** and temp is *****/x", text);
        Assert.Contains("Nonce ***** for jdoe after 3 tries", text);
        Assert.Contains("failed with *****", text);
        Assert.Contains("Count=3", text);
        // Secrets of 4 characters or fewer are left alone, as in the original.
        Assert.Contains("inside the scope, abcd", text);
        Assert.Contains("scope: webhook ***** | Hook=*****", text);
        Assert.Contains("password=*****, list=*****", text);
        Assert.Equal(7, capture.Lines.Count);
    }

    [Fact]
    public void The_provider_wrapper_redacts_every_logger_it_creates()
    {
        var capture = new CapturingLoggerProvider();
        var redactor = new SecretRedactor(["s3cr3t-value", null, "", "tiny"]);
        using var factory = LoggerFactory.Create(builder => builder.AddProvider(new RedactingLoggerProvider(capture, redactor)));

        factory.CreateLogger("A").LogInformation("a {Value}", "s3cr3t-value");
        factory.CreateLogger("B").LogInformation("b {Value}", "prefix-s3cr3t-value-suffix tiny");

        Assert.Equal(1, redactor.Count);
        Assert.Equal(["Information A: a ***** | Value=*****, {OriginalFormat}=a {Value}", "Information B: b prefix-*****-suffix tiny | Value=prefix-*****-suffix tiny, {OriginalFormat}=b {Value}"], capture.Lines);
    }

    [Fact]
    public void A_secret_containing_another_is_masked_whole()
    {
        var redactor = new SecretRedactor(["token", "token-and-more"]);

        Assert.Equal("x ***** y *****", redactor.Redact("x token-and-more y token"));
    }
}
