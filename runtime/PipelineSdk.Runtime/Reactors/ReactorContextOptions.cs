using Microsoft.Extensions.Logging;
using PipelineSdk.Abaco;
using PipelineSdk.Identifiers;

namespace PipelineSdk.Reactors;

/// <summary>What <see cref="ReactorContext.FromEnvironment"/> needs besides the environment; defaults suit a deployed reactor.</summary>
public sealed record ReactorContextOptions
{
    /// <summary>The FIFO a binary message is read from when it exists.</summary>
    public string BinaryMessagePath { get; init; } = AbacoVariables.BinaryMessagePath;

    /// <summary>Makes the execution's nickname (a fresh adjective-animal name by default).</summary>
    public Func<string> NicknameGenerator { get; init; } = static () => SessionNames.Generate();

    /// <summary>Where the context's loggers write; every logger it hands out redacts secrets.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>More values to redact from logs (for example the secret values of the configuration).</summary>
    public IEnumerable<string> Secrets { get; init; } = [];

    /// <summary>The clock for <see cref="ReactorContext.Created"/> and local-run ids.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
