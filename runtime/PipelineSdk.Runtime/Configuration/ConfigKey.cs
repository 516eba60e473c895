namespace PipelineSdk.Configuration;

/// <summary>
/// One key a config schema declares: its path in <see cref="Microsoft.Extensions.Configuration.IConfiguration"/>
/// form with YAML names (<c>pipelines:job_manager_id</c>), its type, and whether its value is a secret (never
/// echoed, always redacted). The source generator emits the catalogue of these for a config schema.
/// </summary>
/// <param name="Path">The key path, levels separated by <c>:</c>, as the names appear in config.yml.</param>
/// <param name="Type">The declared type.</param>
/// <param name="Secret">True when the schema marks the key <c>x-secret</c>.</param>
public sealed record ConfigKey(string Path, ConfigValueType Type, bool Secret);
