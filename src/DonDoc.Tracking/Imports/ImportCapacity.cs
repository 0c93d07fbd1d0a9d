using Microsoft.Extensions.Configuration;

namespace DonDoc.Tracking.Imports;

/// <summary>
/// How much reading untrusted plan files the app allows itself: the time one import may take
/// (<c>Import:TimeBudgetSeconds</c>, the request's own cancellation stopping it sooner) and how many
/// imports run at once (<c>Import:MaxConcurrent</c>), so that a flood of hostile files cannot take every
/// core and the memory of the server.
/// </summary>
public sealed record ImportCapacityOptions(TimeSpan TimeBudget, int MaxConcurrent)
{
    public const double DefaultTimeBudgetSeconds = 8;

    public const int DefaultMaxConcurrent = 2;

    public static ImportCapacityOptions From(IConfiguration configuration) => new(
        TimeSpan.FromSeconds(Math.Max(0, configuration.GetValue("Import:TimeBudgetSeconds", DefaultTimeBudgetSeconds))),
        Math.Max(1, configuration.GetValue("Import:MaxConcurrent", DefaultMaxConcurrent)));
}

/// <summary>The imports running now; one more than <see cref="ImportCapacityOptions.MaxConcurrent"/> is refused at once, not queued.</summary>
public sealed class ImportGate(ImportCapacityOptions options) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(options.MaxConcurrent, options.MaxConcurrent);

    /// <summary>A slot to release when the import ends; null when every slot is taken.</summary>
    public IDisposable? TryEnter() => _slots.Wait(0) ? new Slot(_slots) : null;

    public void Dispose() => _slots.Dispose();

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
