namespace PipelineSdk.Generator.Model;

/// <summary>The typed payload of one event.</summary>
/// <param name="EventWireName">The event name (e.g. <c>update</c>).</param>
/// <param name="EventIdentifier">The <c>JobEvent</c> member.</param>
/// <param name="MethodName">The sender method the typed overload calls (e.g. <c>UpdateAsync</c>).</param>
/// <param name="RequiresAdminToken">True for admin events.</param>
/// <param name="TypeName">The payload record's name.</param>
internal sealed record PayloadSpec(string EventWireName, string EventIdentifier, string MethodName, bool RequiresAdminToken, string TypeName);
