using PipelineSdk.Errors;

namespace PipelineSdk.Tokens;

/// <summary>
/// Configuration of administrative tokens. <see cref="Key"/> and <see cref="Secret"/> have no defaults: the Python
/// library's built-in values must not be shipped, so both are required settings. Neither is ever logged.
/// </summary>
public sealed class AdminTokenOptions
{
    /// <summary>The admin key (the Python library reads <c>CATALOG_ADMIN_TOKEN_KEY</c>). Required.</summary>
    public string? Key { get; set; }

    /// <summary>The admin secret (the Python library reads <c>CATALOG_ADMIN_TOKEN_SECRET</c>). Required.</summary>
    public string? Secret { get; set; }

    /// <summary>
    /// The window length in seconds (<c>CATALOG_ADMIN_TOKEN_LIFETIME</c>); a token is valid for one to two windows.
    /// Must match the other clients' setting. Defaults to 3600.
    /// </summary>
    public int LifetimeSeconds { get; set; } = AdminTokens.DefaultLifetimeSeconds;

    /// <summary>
    /// Checks that every setting is present and in range.
    /// </summary>
    /// <exception cref="PipelineJobValidationException">
    /// Lists every problem, each naming the setting; the message never contains a key or secret value.
    /// </exception>
    public void Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Key))
        {
            problems.Add($"Admin token setting '{nameof(Key)}' is missing or empty; configure it (the Python library reads CATALOG_ADMIN_TOKEN_KEY).");
        }

        if (string.IsNullOrWhiteSpace(Secret))
        {
            problems.Add($"Admin token setting '{nameof(Secret)}' is missing or empty; configure it (the Python library reads CATALOG_ADMIN_TOKEN_SECRET).");
        }

        if (LifetimeSeconds < 1)
        {
            problems.Add($"Admin token setting '{nameof(LifetimeSeconds)}' must be at least 1 second; it is {LifetimeSeconds}.");
        }

        if (problems.Count > 0)
        {
            throw new PipelineJobValidationException(problems);
        }
    }
}
