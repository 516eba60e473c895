namespace PipelineSdk.Reactors;

/// <summary>
/// Adjective-animal nicknames for executions, like the original's <c>petname.Generate(2, '-')</c>.
/// Placeholder until <c>PipelineSdk.Identifiers.SessionNames</c> is on main; then this delegates to it.
/// </summary>
internal static class Nicknames
{
    private static readonly string[] Adjectives =
    [
        "able", "brave", "calm", "eager", "fair", "gentle", "happy", "jolly", "kind", "lively",
        "merry", "neat", "proud", "quick", "sharp", "smart", "steady", "tidy", "vast", "witty",
    ];

    private static readonly string[] Animals =
    [
        "badger", "beaver", "crane", "dingo", "eagle", "ferret", "gecko", "heron", "ibis", "jackal",
        "koala", "lemur", "marten", "newt", "otter", "panda", "quail", "raven", "stoat", "tapir",
    ];

    public static string Generate() =>
        $"{Adjectives[Random.Shared.Next(Adjectives.Length)]}-{Animals[Random.Shared.Next(Animals.Length)]}";
}
