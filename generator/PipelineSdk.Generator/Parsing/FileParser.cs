using System;
using System.Threading;
using Newtonsoft.Json;
using PipelineSdk.Generator.Diagnostics;
using PipelineSdk.Generator.Inputs;
using PipelineSdk.Generator.Model;
using PipelineSdk.Generator.Schemas;

namespace PipelineSdk.Generator.Parsing;

/// <summary>
/// Parses one Events, Config or Message file against the compilation's schema library. Any unexpected exception becomes one
/// PSDK9001 for this file only, so the other files still generate.
/// </summary>
internal static class FileParser
{
    public static ParsedFile Parse(SchemaDocument document, EquatableArray<SchemaDocument> documents, GeneratorOptions options, CancellationToken cancellationToken)
    {
        var library = new SchemaLibrary(documents, cancellationToken);
        var diagnostics = new DiagnosticCollector();
        try
        {
            return ParseKnownKind(document, library, options, diagnostics, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (JsonReaderException exception)
        {
            var index = JsonPositionIndex.Build(document.Path, document.Text);
            diagnostics.ReportAt(DiagnosticDescriptors.MalformedJson, index.At(exception.LineNumber, exception.LinePosition), FirstSentence(exception.Message));
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
        if (document.Kind != InputKind.Unknown)
        {
            if (JsonPositionIndex.FindSyntaxError(path, document.Text) is { } syntaxError)
            {
                diagnostics.ReportAt(DiagnosticDescriptors.MalformedJson, syntaxError.Span, syntaxError.Message);
                return new ParsedFile(path, null, null, null, null, diagnostics.ToInfos(library));
            }

            if (!RawJson.CheckReferences(library, path, diagnostics))
            {
                return new ParsedFile(path, null, null, null, null, diagnostics.ToInfos(library));
            }
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

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return (end > 0 ? message.Substring(0, end) : message).Replace('\n', ' ').Replace("\r", string.Empty).TrimEnd('.');
    }
}
