namespace PipelineSdk.Identifiers;

/// <summary>
/// The word lists of <see cref="SessionNames"/>: friendly lower-case ASCII words of at most eight letters (the
/// original's petname length limit), chosen for this project.
/// </summary>
internal static class SessionNameWords
{
    public static readonly string[] Adjectives =
    [
        "able", "agile", "amazing", "amused", "ancient", "apt", "ardent", "avid", "awake", "bold",
        "brave", "bright", "brisk", "calm", "candid", "capable", "careful", "casual", "cheery", "civil",
        "clean", "clever", "cosmic", "cozy", "crisp", "curious", "daring", "dapper", "decent", "deft",
        "devoted", "eager", "earnest", "easy", "elated", "epic", "exact", "fair", "faithful", "famous",
        "fancy", "fast", "fearless", "fine", "firm", "fluent", "fond", "frank", "free", "fresh",
        "friendly", "frugal", "funny", "gentle", "genuine", "giving", "glad", "golden", "good", "graceful",
        "grand", "great", "happy", "hardy", "hearty", "helpful", "heroic", "honest", "hopeful", "humble",
        "ideal", "jolly", "jovial", "joyful", "just", "keen", "kind", "lively", "loyal", "lucid",
        "lucky", "magical", "merry", "mighty", "modest", "neat", "nimble", "noble", "novel", "open",
        "patient", "peppy", "placid", "plucky", "polite", "potent", "precise", "prime", "proud", "quick",
        "quiet", "radiant", "rapid", "ready", "regal", "robust", "rosy", "royal", "rustic", "sage",
        "sincere", "smart", "smooth", "snappy", "social", "solid", "sound", "spry", "stable", "steady",
        "sturdy", "sunny", "superb", "sweet", "swift", "tidy", "tender", "tranquil", "true", "trusty",
        "upbeat", "valiant", "vast", "vital", "vivid", "warm", "wise", "witty", "worthy", "zesty",
    ];

    public static readonly string[] Animals =
    [
        "aardvark", "adder", "alpaca", "ant", "anteater", "antelope", "badger", "bat", "bear", "beaver",
        "bee", "beetle", "bison", "bobcat", "buffalo", "camel", "canary", "caribou", "cat", "catfish",
        "cheetah", "chipmunk", "cicada", "clam", "cobra", "condor", "cougar", "coyote", "crab", "crane",
        "cricket", "crow", "deer", "dingo", "dodo", "dog", "dolphin", "donkey", "dove", "duck",
        "eagle", "eel", "egret", "eland", "elk", "emu", "falcon", "ferret", "finch", "firefly",
        "flamingo", "fox", "frog", "gazelle", "gecko", "gerbil", "gibbon", "giraffe", "gnu", "goat",
        "goose", "gopher", "gorilla", "grouse", "gull", "hamster", "hare", "hawk", "hedgehog", "heron",
        "hippo", "hornet", "horse", "husky", "ibex", "ibis", "iguana", "impala", "jaguar", "jay",
        "kiwi", "koala", "koi", "krill", "lark", "lemur", "leopard", "lion", "lizard", "llama",
        "lobster", "loon", "lynx", "macaw", "magpie", "mallard", "mammoth", "manatee", "marmot", "marten",
        "meerkat", "mink", "mole", "mongoose", "moose", "moth", "mouse", "narwhal", "newt", "ocelot",
        "octopus", "okapi", "opossum", "orca", "oriole", "osprey", "ostrich", "otter", "owl", "oyster",
        "panda", "panther", "parrot", "peacock", "pelican", "penguin", "pheasant", "platypus", "pony", "puffin",
        "puma", "quail", "rabbit", "raccoon", "raven", "reindeer", "robin", "salmon", "seal", "shrimp",
        "sloth", "snail", "sparrow", "squid", "stork", "swan", "tapir", "tiger", "toad", "toucan",
        "trout", "tuna", "turtle", "wallaby", "walrus", "whale", "wolf", "wombat", "wren", "zebra",
    ];
}
