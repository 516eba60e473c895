using PipelineSdk.Generator.Emit;
using PipelineSdk.Generator.Model;
using PipelineSdk.Generator.Tests.TestKit;

namespace PipelineSdk.Generator.Tests.Emit;

/// <summary>
/// The emitters from specs built by hand, without a schema or a driver: each case isolates one emitter decision (a
/// secret, a closed record, an admin event, a message without enums) and its snapshot is where formatting is reviewed.
/// The driver tests beside these cover the same emitters from real schemas.
/// </summary>
public sealed class EmitterSnapshotTests
{
    private const string Ns = "Hand.Built";

    private static ValueSpec Scalar(ValueKind kind, string type, bool valueType, ConstraintSpec? constraints = null) =>
        new(kind, type, valueType, false, null, EquatableArray<string>.Empty, null, EquatableArray<string>.Empty, constraints ?? ConstraintSpec.None, null);

    private static readonly ValueSpec Count = Scalar(ValueKind.Integer, "long", true, ConstraintSpec.None with { Minimum = "1" });
    private static readonly ValueSpec Text = Scalar(ValueKind.String, "string", false, ConstraintSpec.None with { MaxLength = 8 });
    private static readonly ValueSpec Flag = Scalar(ValueKind.Boolean, "bool", true);

    private static ObjectTypeSpec Record(string name, bool closed, params PropertySpec[] properties) =>
        new(name, null, Of(properties), closed, null, EquatableArray<PropertySpec>.Empty);

    private static EquatableArray<T> Of<T>(params T[] items)
        where T : IEquatable<T> => items.ToEquatableArray();

    private static string Single(IEnumerable<GeneratedFile> files) => Assert.Single(files).Text;

    [Fact]
    public void Config_binder_passes_the_secret_flag_and_checks_closed_keys()
    {
        var spec = new ConfigSpec(
            "/p/tiny.schema.json",
            "PipelineSdk.Config.Tiny.g.cs",
            Ns,
            "TinySettings",
            "TinySettingsBinder",
            Of(Record("TinySettings", closed: true,
                new PropertySpec("count", "Count", "How many.", Count, true, null, false),
                new PropertySpec("key", "Key", null, Text, false, null, true),
                new PropertySpec("dry_run", "DryRun", null, Flag, false, "false", false))),
            EquatableArray<EnumTypeSpec>.Empty);

        var text = Single(ConfigEmitter.Emit(spec));

        Assert.Contains("ConfigBindingHelpers.CheckKeys(section, path, new[] { \"count\", \"key\", \"dry_run\" }, problems);", text);
        Assert.Contains("ConfigBindingHelpers.ToInteger(section[\"count\"], global::PipelineSdk.Configuration.ConfigBindingHelpers.Join(path, \"count\"), false, problems)", text);
        Assert.Contains("new global::PipelineSdk.Configuration.ConfigKey(global::PipelineSdk.Configuration.ConfigBindingHelpers.Join(path, \"key\"), global::PipelineSdk.Configuration.ConfigValueType.String, true)", text);
        Snapshot.Match("Emit.Config.Tiny.g.cs", text);
    }

    [Fact]
    public void Message_without_enums_has_no_reader_class_of_its_own()
    {
        var spec = new MessageSpec(
            "/p/ping.jsonschema",
            "PipelineSdk.Messages.Ping.g.cs",
            Ns,
            "PingMessage",
            Of(Record("PingMessage", closed: false, new PropertySpec("count", "Count", null, Count, true, null, false))),
            EquatableArray<EnumTypeSpec>.Empty);

        var text = Single(MessageEmitter.Emit(spec));

        Assert.DoesNotContain(MessageEmitter.ReaderClass, text);
        Assert.Contains("global::PipelineSdk.Reactors.MessageReadingHelpers.ToInteger(n0, pointer + \"/count\", problems, failed)", text);
        Snapshot.Match("Emit.Message.Ping.g.cs", text);
    }

    [Fact]
    public void Payload_extensions_pass_the_admin_token_only_for_admin_events()
    {
        var spec = new PayloadSetSpec(
            "/p/notes.schema.json",
            "PipelineSdk.Payloads.Notes.g.cs",
            Ns,
            "NotesPayloadExtensions",
            Of(
                new PayloadSpec("update", "Update", "UpdateAsync", false, "UpdateData"),
                new PayloadSpec("reset", "Reset", "ResetAsync", true, "ResetData")),
            Of(
                Record("UpdateData", closed: false, new PropertySpec("note", "Note", null, Text, true, null, false)),
                Record("ResetData", closed: false, new PropertySpec("reason", "Reason", null, Text, false, null, false))),
            EquatableArray<EnumTypeSpec>.Empty);

        // Two files: the payload records in the schema's namespace, the extension methods beside the job types.
        var files = PayloadEmitter.Emit(spec).ToArray();
        Assert.Equal(2, files.Length);
        var types = files.Single(f => f.HintName == "PipelineSdk.Payloads.Notes.g.cs").Text;
        var extensions = files.Single(f => f.HintName != "PipelineSdk.Payloads.Notes.g.cs").Text;

        Snapshot.Match("Emit.Payloads.Notes.g.cs", types);
        Snapshot.Match("Emit.Payloads.Notes.Extensions.g.cs", extensions);
        Assert.Contains("namespace PipelineSdk.Jobs;", extensions);
        Assert.Contains("AdminToken", extensions[extensions.IndexOf("ResetAsync", StringComparison.Ordinal)..]);
    }

    [Fact]
    public void Enum_names_class_round_trips_wire_names_without_reflection()
    {
        var spec = new EnumTypeSpec("Shade", null, Of(new EnumMemberSpec("light-blue", "LightBlue", null), new EnumMemberSpec("RED", "Red", "Warm.")));
        var writer = new SourceWriter().WriteHeader().WriteLine("namespace " + Ns + ";").WriteLine();

        TypeWriter.WriteEnum(writer, spec);

        var text = writer.ToString();
        Assert.Contains("Shade.LightBlue => \"light-blue\",", text);
        Assert.Contains("case \"RED\": value = Shade.Red; return true;", text);
        Assert.DoesNotContain("global::System.Enum.", text);
        Snapshot.Match("Emit.Enum.Shade.g.cs", text);
    }
}
