using PipelineSdk.Auth;

namespace PipelineSdk.Reactors.Tests.Support;

/// <summary>Environments as Abaco builds them for an execution, and a local run's.</summary>
internal static class AbacoFixtures
{
    public const string AccessToken = "3f1e7a9b2c4d5e6f08a1";
    public const string Nonce = "SD2E_8jzR3mPqL0aQ";
    public const string LogsToken = "logtoken-secret-123";

    /// <summary>A deployed execution: the server's underscore content-type spelling and a str()-ed dict message.</summary>
    public static Dictionary<string, string> Deployed() => new(StringComparer.Ordinal)
    {
        ["_abaco_actor_id"] = "G46vjoAVzGkkz",
        ["_abaco_actor_dbid"] = "SD2E_G46vjoAVzGkkz",
        ["_abaco_execution_id"] = "kGqWBz3Pm6Pwz",
        ["_abaco_worker_id"] = "xJ4BOBz0V1jy",
        ["_abaco_actor_name"] = "pipelines-manager",
        ["_abaco_container_repo"] = "sd2e/pipelinejobs-manager:2.0",
        ["_abaco_actor_state"] = "{'runs': 3, 'last': None}",
        ["_abaco_username"] = "jdoe",
        ["_abaco_access_token"] = AccessToken,
        ["_abaco_api_server"] = "https://api.sd2e.org",
        ["_abaco_jwt_header_name"] = "X-JWT-Assertion-sd2e",
        ["_abaco_actor_revision"] = "4",
        ["_abaco_Content_Type"] = "application/json",
        ["x-nonce"] = Nonce,
        ["MSG"] = "{'uuid': '1073f4ff-c2b9-5190-bd9a-e6a406d9796a', 'name': 'run', 'data': {'note': 'it\\'s on', 'ok': True}}",
        ["x_session"] = "brave-otter",
        ["x_src_actor_id"] = "Z3vOQ6ALRxJpw",
        ["x_src_execution_id"] = "B0yWqpz3N1kpB",
        ["_REACTOR_LOGS_TOKEN"] = LogsToken,
        ["_REACTOR_TEMP"] = "/mnt/ephemeral-01",
        ["SCRATCH"] = "/mnt/ephemeral-01",
    };

    /// <summary>A local run: no Abaco variables at all, as `docker run -e MSG=...` gives.</summary>
    public static Dictionary<string, string> Local(string? message = null)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["USER"] = "vaughn" };
        if (message is not null)
        {
            environment["MSG"] = message;
        }

        return environment;
    }
}
