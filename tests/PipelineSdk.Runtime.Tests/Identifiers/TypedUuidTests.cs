using PipelineSdk.Errors;
using PipelineSdk.Identifiers;

namespace PipelineSdk.Tests.Identifiers;

public class TypedUuidTests
{
    [Fact]
    public void Namespace_is_uuid3_of_the_dns_namespace_and_sd2e_org() =>
        Assert.Equal(new Guid("54765aeb-44ca-374a-9a9f-eb4658383ee4"), TypedUuid.Namespace);

    [Fact]
    public void Spec_example_experiment_uuid() =>
        Assert.Equal("102edd93-29d6-5483-b60b-8dfd4d094b9c", TypedUuid.Create("experiment.ginkgo.10001", UuidType.Experiment));

    // Every type over the original's example text; computed with /usr/bin/python3 (3.11):
    // str(uuid.UUID(prefix + uuid.uuid5(uuid.uuid3(uuid.NAMESPACE_DNS, 'sd2e.org'), 'Why did it have to be snakes?').hex[3:]))
    [Theory]
    [InlineData(UuidType.Generic, "100acb4d-1f93-553a-9e1c-b7b58125bc89")]
    [InlineData(UuidType.ChallengeProblem, "101acb4d-1f93-553a-9e1c-b7b58125bc89")]
    [InlineData(UuidType.Experiment, "102acb4d-1f93-553a-9e1c-b7b58125bc89")]
    [InlineData(UuidType.Sample, "103acb4d-1f93-553a-9e1c-b7b58125bc89")]
    [InlineData(UuidType.Measurement, "104acb4d-1f93-553a-9e1c-b7b58125bc89")]
    [InlineData(UuidType.File, "105acb4d-1f93-553a-9e1c-b7b58125bc89")]
    [InlineData(UuidType.Pipeline, "106acb4d-1f93-553a-9e1c-b7b58125bc89")]
    [InlineData(UuidType.PipelineJob, "107acb4d-1f93-553a-9e1c-b7b58125bc89")]
    [InlineData(UuidType.PipelineJobEvent, "108acb4d-1f93-553a-9e1c-b7b58125bc89")]
    [InlineData(UuidType.Reference, "109acb4d-1f93-553a-9e1c-b7b58125bc89")]
    [InlineData(UuidType.Product, "110acb4d-1f93-553a-9e1c-b7b58125bc89")]
    [InlineData(UuidType.Upload, "111acb4d-1f93-553a-9e1c-b7b58125bc89")]
    [InlineData(UuidType.ExperimentDesign, "114acb4d-1f93-553a-9e1c-b7b58125bc89")]
    [InlineData(UuidType.InputClassifier, "115acb4d-1f93-553a-9e1c-b7b58125bc89")]
    [InlineData(UuidType.Fixity, "116acb4d-1f93-553a-9e1c-b7b58125bc89")]
    [InlineData(UuidType.Process, "117acb4d-1f93-553a-9e1c-b7b58125bc89")]
    [InlineData(UuidType.Annotation, "118acb4d-1f93-553a-9e1c-b7b58125bc89")]
    [InlineData(UuidType.InlineAnnotation, "119acb4d-1f93-553a-9e1c-b7b58125bc89")]
    [InlineData(UuidType.Query, "120acb4d-1f93-553a-9e1c-b7b58125bc89")]
    [InlineData(UuidType.Dashboard, "121acb4d-1f93-553a-9e1c-b7b58125bc89")]
    [InlineData(UuidType.TagAnnotation, "122acb4d-1f93-553a-9e1c-b7b58125bc89")]
    [InlineData(UuidType.TextAnnotation, "123acb4d-1f93-553a-9e1c-b7b58125bc89")]
    [InlineData(UuidType.Association, "124acb4d-1f93-553a-9e1c-b7b58125bc89")]
    [InlineData(UuidType.StructuredRequest, "125acb4d-1f93-553a-9e1c-b7b58125bc89")]
    public void Every_type_replaces_the_first_three_digits_with_its_prefix(UuidType type, string expected) =>
        Assert.Equal(expected, TypedUuid.Create("Why did it have to be snakes?", type));

    // Same Python expression over other texts (empty, non-ASCII and astral, the test fixtures' ids).
    [Theory]
    [InlineData("", UuidType.Generic, "1001a831-ce4e-56c7-954b-43d740ea56f4")]
    [InlineData("caf\u00E9 \U0001F600", UuidType.File, "1052c9c5-68c6-5f71-b003-c27bb3c0bf4e")]
    [InlineData("experiment.ginkgo.10001", UuidType.Experiment, "102edd93-29d6-5483-b60b-8dfd4d094b9c")]
    [InlineData("measurement.tacc.0x00000000", UuidType.Measurement, "10452d7e-7f0a-59df-a1a3-c5bb44e07f2f")]
    public void Texts_are_hashed_as_utf8(string text, UuidType type, string expected) =>
        Assert.Equal(expected, TypedUuid.Create(text, type));

    // Python: typed_uuid('x' * 1000, 'sample')
    [Fact]
    public void Long_texts_are_hashed_whole() =>
        Assert.Equal("1039a257-4504-5303-b79e-ce0d9d26fc3b", TypedUuid.Create(new string('x', 1000), UuidType.Sample));

    [Fact]
    public void Random_uuids_have_the_type_prefix_are_version_5_and_differ()
    {
        var values = Enumerable.Range(0, 200).Select(_ => TypedUuid.CreateRandom(UuidType.PipelineJobEvent)).ToList();
        Assert.Equal(values.Count, values.Distinct().Count());
        Assert.All(values, value =>
        {
            Assert.Matches("^108[0-9a-f]{5}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", value);
            Assert.Equal(UuidType.PipelineJobEvent, TypedUuid.GetType(value));
        });
    }

    [Theory]
    [InlineData("107b93f3-1eae-5e79-8a18-0a480f8aa3a5", UuidType.PipelineJob)]
    [InlineData("107B93F3-1EAE-5E79-8A18-0A480F8AA3A5", UuidType.PipelineJob)]
    [InlineData("107b93f31eae5e798a180a480f8aa3a5", UuidType.PipelineJob)]
    [InlineData("125acb4d-1f93-553a-9e1c-b7b58125bc89", UuidType.StructuredRequest)]
    [InlineData("1003ef1e-6ff0-4f1a-8c83-6c5b7d2f0e41", UuidType.Generic)] // version 4: any version is accepted, as in Python
    public void Valid_typed_uuids_give_their_type(string value, UuidType expected)
    {
        Assert.True(TypedUuid.IsValid(value));
        Assert.True(TypedUuid.IsValid(value, expected));
        Assert.True(TypedUuid.TryGetType(value, out var type));
        Assert.Equal(expected, type);
        Assert.Equal(expected, TypedUuid.GetType(value));
    }

    [Theory]
    [InlineData("112b93f3-1eae-5e79-8a18-0a480f8aa3a5", "its prefix '112' is not a known type")] // 112 and 113 are unassigned
    [InlineData("126b93f3-1eae-5e79-8a18-0a480f8aa3a5", "its prefix '126' is not a known type")]
    [InlineData("54765aeb-44ca-374a-9a9f-eb4658383ee4", "its prefix '547' is not a known type")]
    [InlineData("uri:urn:107b93f3-1eae-5e79-8a18-0a480f8aa3a5", "it is not UUID text")] // Python's validate rejects it too
    [InlineData("urn:uuid:107b93f3-1eae-5e79-8a18-0a480f8aa3a5", "it is not UUID text")] // get_uuidtype reads 'urn'
    [InlineData("{107b93f3-1eae-5e79-8a18-0a480f8aa3a5}", "it is not UUID text")]
    [InlineData("107b93f3-1eae-5e79-8a18-0a480f8aa3a", "it is not UUID text")]
    [InlineData("107b93f3-1eae-5e79-8a18-0a480f8aa3a5a", "it is not UUID text")]
    [InlineData("107b93f31-eae-5e79-8a18-0a480f8aa3a5", "it is not UUID text")]
    [InlineData("107b93f3-1eae-5e79-8a18-0a480f8aa3ag", "it is not UUID text")]
    [InlineData(" 107b93f3-1eae-5e79-8a18-0a480f8aa3a", "it is not UUID text")]
    [InlineData("107", "it is not UUID text")]
    [InlineData("", "it is not UUID text")]
    public void Invalid_values_are_rejected_naming_the_value(string value, string reason)
    {
        Assert.False(TypedUuid.IsValid(value));
        Assert.False(TypedUuid.TryGetType(value, out _));
        var error = Assert.Throws<PipelineJobValidationException>(() => TypedUuid.GetType(value));
        Assert.Equal($"'{value}' is not a typed UUID: {reason}.", error.Message);
    }

    [Fact]
    public void Null_is_not_valid()
    {
        Assert.False(TypedUuid.IsValid(null));
        Assert.False(TypedUuid.TryGetType(null, out _));
        Assert.Throws<ArgumentNullException>(() => TypedUuid.GetType(null!));
        Assert.Throws<ArgumentNullException>(() => TypedUuid.Create(null!, UuidType.Generic));
    }

    [Fact]
    public void A_valid_uuid_of_another_type_is_not_valid_for_this_type() =>
        Assert.False(TypedUuid.IsValid("107b93f3-1eae-5e79-8a18-0a480f8aa3a5", UuidType.Pipeline));

    [Fact]
    public void Created_uuids_validate_and_round_trip_their_type()
    {
        foreach (var type in UuidTypes.All)
        {
            Assert.Equal(type, TypedUuid.GetType(TypedUuid.Create("round trip", type)));
        }
    }
}
