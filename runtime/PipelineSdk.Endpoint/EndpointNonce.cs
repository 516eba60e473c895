using PipelineSdk.Errors;

namespace PipelineSdk.Endpoint;

/// <summary>A nonce the endpoint accepts as <c>x-nonce</c>, with its level. <see cref="ToString"/> hides the value.</summary>
/// <param name="Value">The nonce text (secret).</param>
/// <param name="Level">What it allows; posting a message needs <see cref="NonceLevel.Execute"/> or more.</param>
public sealed record EndpointNonce(string Value, NonceLevel Level = NonceLevel.Execute)
{
    /// <summary>
    /// Parses <c>VALUE</c> (level EXECUTE) or <c>VALUE:LEVEL</c> with LEVEL one of NONE, READ, EXECUTE, UPDATE (any case).
    /// </summary>
    /// <exception cref="PipelineJobValidationException">The text is empty or the level is not one of those.</exception>
    public static EndpointNonce Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var separator = text.LastIndexOf(':');
        var value = separator < 0 ? text : text[..separator];
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new PipelineJobValidationException("A nonce is empty.");
        }

        if (separator < 0)
        {
            return new EndpointNonce(value);
        }

        var levelText = text[(separator + 1)..];
        return Enum.TryParse<NonceLevel>(levelText, ignoreCase: true, out var level) && levelText.All(char.IsAsciiLetter)
            ? new EndpointNonce(value, level)
            : throw new PipelineJobValidationException($"Nonce level '{levelText}' is not one of NONE, READ, EXECUTE, UPDATE.");
    }

    /// <summary>Describes the nonce without its value.</summary>
    public override string ToString() => $"EndpointNonce {{ Value = *****, Level = {Level} }}";
}
