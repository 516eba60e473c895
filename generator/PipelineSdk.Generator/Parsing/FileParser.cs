using System;
using System.Collections.Generic;
using System.Threading;
using PipelineSdk.Generator.Diagnostics;
using PipelineSdk.Generator.Inputs;
using PipelineSdk.Generator.Model;
using PipelineSdk.Generator.References;
using PipelineSdk.Generator.Schemas;

namespace PipelineSdk.Generator.Parsing;

/// <summary>
/// Parses one Events, Config or Message file against the files of its reference closure. Any unexpected exception becomes one
/// PSDK9001 for this file only, so the other files still generate.
/// </summary>
internal static class FileParser
{
    public static ParsedFile Parse(ParseInput input, CancellationToken cancellationToken)
    {
        var document = input.File.Document;
        var library = new SchemaLibrary(Concat(input.File, input.References), cancellationToken);
        var diagnostics = new DiagnosticCollector();
        try
        {
            return ParseKnownKind(document, library, input.Options, diagnostics, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception exception)
        {
            diagnostics.ReportAt(DiagnosticDescriptors.InternalError, SourceSpan.FileStart(document.Path), exception.GetType().Name + ": " + FirstSentence(exception.Message));
        }

        return new ParsedFile(document.Path, null, null, null, null, diagnostics.ToInfos(library));
    }

    private static ParsedFile ParseKnownKind(SchemaDocument document, SchemaLibrary library, GeneratorOptions options, DiagnosticCollector diagnostics, CancellationToken cancellationToken)
    {
        var path = document.Path;
        if (document.Kind != InputKind.Unknown && !CanLoad(library, path, diagnostics))
        {
            return new ParsedFile(path, null, null, null, null, diagnostics.ToInfos(library));
        }

        StateMachineSpec? stateMachine = null;
        PayloadSetSpec? payloads = null;
        ConfigSpec? config = null;
        MessageSpec? message = null;
        switch (document.Kind)
        {
            case InputKind.Events:
                var raw = library.Raw(path);
                var hasFsm = raw[StateMachineParser.Extension] is not null;
                var hasPayloads = raw[PayloadParser.Extension] is not null;
                if (!hasFsm && !hasPayloads)
                {
                    diagnostics.Report(DiagnosticDescriptors.NothingDeclared, path, string.Empty);
                }

                stateMachine = hasFsm ? StateMachineParser.Parse(library, path, diagnostics, cancellationToken) : null;
                payloads = hasPayloads ? PayloadParser.Parse(library, path, options, diagnostics, cancellationToken) : null;
                break;
            case InputKind.Config:
                config = ConfigParser.Parse(library, path, options, diagnostics, cancellationToken);
                break;
            case InputKind.Message:
                message = MessageParser.Parse(library, path, options, diagnostics);
                break;
            default:
                diagnostics.Report(DiagnosticDescriptors.UnknownKind, path, string.Empty, document.RawKind);
                break;
        }

        return new ParsedFile(path, stateMachine, payloads, config, message, diagnostics.ToInfos(library));
    }

    /// <summary>
    /// Reports what would stop NJsonSchema from loading the file: a file of the closure that is not JSON, a $ref that
    /// resolves nowhere, or $refs that form a cycle between files.
    /// </summary>
    private static bool CanLoad(SchemaLibrary library, string path, DiagnosticCollector diagnostics)
    {
        var readable = true;
        foreach (var file in library.Files)
        {
            if (file.ErrorSpan is { } span)
            {
                diagnostics.ReportAt(DiagnosticDescriptors.MalformedJson, span, file.Error!);
                readable = false;
            }
        }

        return readable && RawJson.CheckReferences(library, path, diagnostics) && !ReferenceCycles.Report(library, path, diagnostics);
    }

    private static IEnumerable<JsonFile> Concat(JsonFile file, EquatableArray<JsonFile> references)
    {
        yield return file;
        foreach (var reference in references)
        {
            yield return reference;
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return (end > 0 ? message.Substring(0, end) : message).Replace('\n', ' ').Replace("\r", string.Empty).TrimEnd('.');
    }
}
