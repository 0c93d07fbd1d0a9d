using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DonDoc.Core.Calendar;

/// <summary>
/// The days off and swapped working days that the government announces each year, each with its
/// source. Shipped for past years as <c>Calendar/Data/announced-days.json</c>; an administrator adds
/// next year's announcement (a page, or a file of the same shape) without a release.
/// </summary>
public sealed record AnnouncedCalendarChanges(
    IReadOnlyList<DayOff> DaysOff,
    IReadOnlyList<SwappedWorkingDay> WorkingDays)
{
    private static readonly JsonSerializerOptions SerializerOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static AnnouncedCalendarChanges Empty { get; } = new([], []);

    /// <summary>The announcements shipped with this release.</summary>
    public static AnnouncedCalendarChanges Shipped { get; } = LoadShipped();

    /// <summary>These changes, with those of <paramref name="other"/> winning on the same date.</summary>
    public AnnouncedCalendarChanges Merge(AnnouncedCalendarChanges other)
    {
        var overridden = other.DaysOff.Select(d => d.Date).Concat(other.WorkingDays.Select(w => w.Date)).ToHashSet();
        return new AnnouncedCalendarChanges(
            DaysOff.Where(d => !overridden.Contains(d.Date)).Concat(other.DaysOff).OrderBy(d => d.Date).ToList(),
            WorkingDays.Where(w => !overridden.Contains(w.Date)).Concat(other.WorkingDays).OrderBy(w => w.Date).ToList());
    }

    /// <summary>
    /// Reads the JSON form: <c>{"entries": [{"date": "2027-02-05", "to": "2027-02-11", "kind": "off" | "work",
    /// "name": "…", "source": "Công văn số …/VPCP-KGVX"}]}</c>. An error says in Vietnamese which entry is wrong.
    /// </summary>
    public static ParseOutcome Parse(string json)
    {
        var (entries, error) = ParseEntries(json);
        return entries is null ? new ParseOutcome(null, error) : new ParseOutcome(FromEntries(entries), null);
    }

    /// <summary>The entries of the JSON form as written (a run of days stays one entry), or the reason in Vietnamese why not.</summary>
    public static (IReadOnlyList<AnnouncedEntry>? Entries, string? Error) ParseEntries(string json)
    {
        FileShape? shape;
        try
        {
            shape = JsonSerializer.Deserialize<FileShape>(json, SerializerOptions);
        }
        catch (JsonException ex)
        {
            return (null, $"không phải JSON hợp lệ (dòng {(ex.LineNumber ?? 0) + 1})");
        }

        if (shape?.Entries is null)
        {
            return (null, "thiếu mảng \"entries\"");
        }

        var entries = new List<AnnouncedEntry>();
        for (var i = 0; i < shape.Entries.Count; i++)
        {
            var entry = shape.Entries[i];
            if (!DateOnly.TryParseExact(entry.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from))
            {
                return (null, $"mục {i + 1}: \"date\" phải có dạng YYYY-MM-DD, không phải \"{entry.Date}\"");
            }

            var to = from;
            if (entry.To is not null && !DateOnly.TryParseExact(entry.To, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out to))
            {
                return (null, $"mục {i + 1}: \"to\" phải có dạng YYYY-MM-DD, không phải \"{entry.To}\"");
            }

            var kind = entry.Kind switch
            {
                "off" => (AnnouncedDayKind?)AnnouncedDayKind.Off,
                "work" => AnnouncedDayKind.Work,
                _ => null,
            };
            if (kind is null)
            {
                return (null, $"mục {i + 1}: \"kind\" phải là \"off\" (nghỉ) hoặc \"work\" (làm bù), không phải \"{entry.Kind}\"");
            }

            var (created, error) = AnnouncedEntry.Create(from, to, kind.Value, entry.Name, entry.Source);
            if (created is null)
            {
                return (null, $"mục {i + 1}: {error}");
            }

            entries.Add(created);
        }

        return (entries, null);
    }

    /// <summary>The changes that <paramref name="entries"/> announce, day by day.</summary>
    public static AnnouncedCalendarChanges FromEntries(IEnumerable<AnnouncedEntry> entries)
    {
        var daysOff = new List<DayOff>();
        var workingDays = new List<SwappedWorkingDay>();
        foreach (var entry in entries)
        {
            for (var day = entry.From; day <= entry.To; day = day.AddDays(1))
            {
                if (entry.Kind == AnnouncedDayKind.Off)
                {
                    daysOff.Add(new DayOff(day, entry.Name, DayOffKind.Announced, entry.Source));
                }
                else
                {
                    workingDays.Add(new SwappedWorkingDay(day, entry.Name, entry.Source));
                }
            }
        }

        return Empty.Merge(new AnnouncedCalendarChanges(daysOff, workingDays));
    }

    private static AnnouncedCalendarChanges LoadShipped()
    {
        using var stream = typeof(AnnouncedCalendarChanges).Assembly
            .GetManifestResourceStream("DonDoc.Core.Calendar.Data.announced-days.json")
            ?? throw new InvalidOperationException("The shipped calendar data is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var outcome = Parse(reader.ReadToEnd());
        return outcome.Changes ?? throw new InvalidOperationException($"The shipped calendar data is invalid: {outcome.Error}");
    }

    public sealed record ParseOutcome(AnnouncedCalendarChanges? Changes, string? Error);

    private sealed record FileShape([property: JsonPropertyName("entries")] List<EntryShape>? Entries);

    private sealed record EntryShape(string? Date, string? To, string? Kind, string? Name, string? Source);
}
