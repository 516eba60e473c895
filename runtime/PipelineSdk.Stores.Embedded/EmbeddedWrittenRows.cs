using PipelineSdk.Stores.Internal;

namespace PipelineSdk.Stores.Embedded;

/// <summary>
/// What an event checks of a job (state, salts, revision, history length), as this store's writer last wrote it: the
/// next event on the job is checked against it without reading the row again. Used by the writer of the moment only.
/// </summary>
/// <remarks>
/// It holds only while nothing else writes the file: the writer's epoch (<see cref="EmbeddedFile.WriterEpoch"/>)
/// changes when another connection has committed or the writing connection was reopened, and then everything is
/// forgotten. Writes of this store that remove or hide a job forget it themselves.
/// </remarks>
internal sealed class EmbeddedWrittenRows
{
    /// <summary>The most jobs remembered; past it the memory starts over.</summary>
    private const int Capacity = 10_000;

    private readonly Dictionary<string, EmbeddedGuardRow> _rows = new(StringComparer.Ordinal);
    private long _epoch = -1;

    /// <summary>The row as last written, when it is still the stored one.</summary>
    public EmbeddedGuardRow? Find(long epoch, string jobUuid)
    {
        if (epoch != _epoch)
        {
            _rows.Clear();
            _epoch = epoch;
            return null;
        }

        return _rows.GetValueOrDefault(jobUuid);
    }

    /// <summary>Remembers the row a write has just stored (in the writer's current transaction).</summary>
    public void Remember(long epoch, string jobUuid, EmbeddedGuardRow row)
    {
        if (epoch != _epoch || _rows.Count >= Capacity)
        {
            _rows.Clear();
            _epoch = epoch;
        }

        _rows[jobUuid] = row;
    }

    /// <summary>Forgets a job whose row a write removed or hid.</summary>
    public void Forget(string jobUuid) => _rows.Remove(jobUuid);
}

/// <summary>The row of a job as an event or a cancellation sees it.</summary>
internal sealed record EmbeddedGuardRow(long Id, JobGuardState Guard, long Revision, long HistoryCount);
