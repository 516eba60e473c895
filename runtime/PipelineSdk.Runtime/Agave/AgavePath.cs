using PipelineSdk.Errors;

namespace PipelineSdk.Agave;

/// <summary>
/// Normalises Agave paths and guards mutating calls: a path is percent-decoded (repeatedly, so double encoding cannot
/// hide a <c>..</c>), must be absolute, may not hold backslashes or control characters, has <c>//</c> and <c>.</c>
/// collapsed and <c>..</c> resolved, and may not climb above <c>/</c>. What is checked is exactly what is sent.
/// </summary>
internal static class AgavePath
{
    private const int MaxDecodingRounds = 3;

    public static string Normalise(string? path, string argumentName)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new PipelineJobValidationException($"{argumentName}: the Agave path is empty.");
        }

        var decoded = Decode(path, argumentName);
        if (decoded.Any(c => c == '\\' || char.IsControl(c)))
        {
            throw new PipelineJobValidationException($"{argumentName}: the Agave path '{path}' holds a backslash or a control character.");
        }

        if (!decoded.StartsWith('/'))
        {
            throw new PipelineJobValidationException(
                $"{argumentName}: the Agave path '{path}' is not absolute; Agave would resolve it against the system's home folder.");
        }

        var segments = new List<string>();
        foreach (var segment in decoded.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (segments.Count == 0)
                {
                    throw new PipelineJobValidationException($"{argumentName}: the Agave path '{path}' climbs above the system root.");
                }

                segments.RemoveAt(segments.Count - 1);
                continue;
            }

            segments.Add(segment);
        }

        return "/" + string.Join('/', segments);
    }

    /// <summary>
    /// Normalises <paramref name="path"/> and requires it to lie strictly below one of <paramref name="allowedRoots"/>
    /// (already normalised), or throws naming the operation, the path and what it resolved to.
    /// </summary>
    public static string RequireUnderAllowedRoot(string? path, IReadOnlyList<string> allowedRoots, string operation, string argumentName)
    {
        var normalised = Normalise(path, argumentName);
        if (allowedRoots.Any(root => IsStrictlyBelow(normalised, root)))
        {
            return normalised;
        }

        throw new PipelineJobValidationException(
            $"{argumentName}: refusing to {operation} '{path}' (resolves to '{normalised}'): it is not below an allowed root ({string.Join(", ", allowedRoots)}).");
    }

    public static IEnumerable<string> Segments(string normalisedPath) =>
        normalisedPath.Split('/', StringSplitOptions.RemoveEmptyEntries);

    public static bool IsStrictlyBelow(string normalisedPath, string normalisedRoot) =>
        normalisedRoot == "/"
            ? normalisedPath.Length > 1
            : normalisedPath.Length > normalisedRoot.Length + 1
              && normalisedPath.StartsWith(normalisedRoot + "/", StringComparison.Ordinal);

    private static string Decode(string path, string argumentName)
    {
        var current = path;
        for (var round = 0; round < MaxDecodingRounds; round++)
        {
            var next = Uri.UnescapeDataString(current);
            if (next == current)
            {
                return current;
            }

            current = next;
        }

        throw new PipelineJobValidationException($"{argumentName}: the Agave path '{path}' is percent-encoded more than {MaxDecodingRounds - 1} times.");
    }
}
