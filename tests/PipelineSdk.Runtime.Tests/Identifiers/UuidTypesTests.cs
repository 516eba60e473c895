using PipelineSdk.Errors;
using PipelineSdk.Identifiers;

namespace PipelineSdk.Tests.Identifiers;

public class UuidTypesTests
{
    // The table of the Python original (identifiers/typeduuid/uuidtypes.py).
    [Theory]
    [InlineData(UuidType.Generic, "generic", "100")]
    [InlineData(UuidType.ChallengeProblem, "challenge_problem", "101")]
    [InlineData(UuidType.Experiment, "experiment", "102")]
    [InlineData(UuidType.Sample, "sample", "103")]
    [InlineData(UuidType.Measurement, "measurement", "104")]
    [InlineData(UuidType.File, "file", "105")]
    [InlineData(UuidType.Pipeline, "pipeline", "106")]
    [InlineData(UuidType.PipelineJob, "pipelinejob", "107")]
    [InlineData(UuidType.PipelineJobEvent, "pipelinejob_event", "108")]
    [InlineData(UuidType.Reference, "reference", "109")]
    [InlineData(UuidType.Product, "product", "110")]
    [InlineData(UuidType.Upload, "upload", "111")]
    [InlineData(UuidType.ExperimentDesign, "experiment_design", "114")]
    [InlineData(UuidType.InputClassifier, "input_classifier", "115")]
    [InlineData(UuidType.Fixity, "fixity", "116")]
    [InlineData(UuidType.Process, "process", "117")]
    [InlineData(UuidType.Annotation, "annotation", "118")]
    [InlineData(UuidType.InlineAnnotation, "inline_annotation", "119")]
    [InlineData(UuidType.Query, "query", "120")]
    [InlineData(UuidType.Dashboard, "dashboard", "121")]
    [InlineData(UuidType.TagAnnotation, "tag_annotation", "122")]
    [InlineData(UuidType.TextAnnotation, "text_annotation", "123")]
    [InlineData(UuidType.Association, "association", "124")]
    [InlineData(UuidType.StructuredRequest, "structured_request", "125")]
    public void Each_type_has_the_original_name_and_prefix(UuidType type, string name, string prefix)
    {
        Assert.Equal(name, type.Name());
        Assert.Equal(prefix, type.Prefix());
        Assert.Equal(type, UuidTypes.ParseName(name));
        Assert.True(UuidTypes.TryParseName(name.ToUpperInvariant(), out var upper));
        Assert.Equal(type, upper);
    }

    [Fact]
    public void The_table_covers_every_enum_member_once()
    {
        Assert.Equal(Enum.GetValues<UuidType>(), UuidTypes.All);
        Assert.Equal(24, UuidTypes.Names.Distinct().Count());
        Assert.Equal(24, UuidTypes.All.Select(type => type.Prefix()).Distinct().Count());
    }

    [Theory]
    [InlineData("pipeline_job")]
    [InlineData("pipeline-job")]
    [InlineData("job")]
    [InlineData("")]
    public void Unknown_names_are_rejected_listing_the_valid_ones(string name)
    {
        Assert.False(UuidTypes.TryParseName(name, out _));
        var error = Assert.Throws<PipelineJobValidationException>(() => UuidTypes.ParseName(name));
        Assert.StartsWith($"'{name}' is not a typed UUID type; expected one of: generic, challenge_problem, experiment,", error.Message);
        Assert.EndsWith("association, structured_request.", error.Message);
    }

    [Fact]
    public void Undefined_enum_values_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ((UuidType)99).Prefix());
        Assert.Throws<ArgumentOutOfRangeException>(() => ((UuidType)99).Name());
        Assert.False(UuidTypes.TryParseName(null, out _));
    }
}
