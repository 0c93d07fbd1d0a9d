using System.Text.Json;
using System.Text.Json.Serialization;

namespace DonDoc.Core.Calendar;

/// <summary>
/// The days off and swapped working days that the government announces each year, beyond the
/// statutory holidays. Shipped as <c>Calendar/Data/announced-days.json</c>; an administrator can
/// supply a file of the same shape that adds to or replaces entries without a release.
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
    /// Reads the JSON form: <c>{"entries": [{"date": "2026-08-31", "to": null, "kind": "off" | "work", "name": "…"}]}</c>.
    /// </summary>
    public static ParseOutcome Parse(string json)
    {
        FileShape? shape;
        try
        {
            shape = JsonSerializer.Deserialize<FileShape>(json, SerializerOptions);
        }
        catch (JsonException ex)
        {
            return new ParseOutcome(null, $"not valid JSON: {ex.Message}");
        }

        if (shape?.Entries is null)
        {
            return new ParseOutcome(null, "no \"entries\" array");
        }

        var daysOff = new List<DayOff>();
        var workingDays = new List<SwappedWorkingDay>();
        for (var i = 0; i < shape.Entries.Count; i++)
        {
            var entry = shape.Entries[i];
            if (!DateOnly.TryParseExact(entry.Date, "yyyy-MM-dd", out var from))
            {
                return new ParseOutcome(null, $"entry {i + 1}: \"date\" must be YYYY-MM-DD, not \"{entry.Date}\"");
            }

            var to = from;
            if (entry.To is not null && !DateOnly.TryParseExact(entry.To, "yyyy-MM-dd", out to))
            {
                return new ParseOutcome(null, $"entry {i + 1}: \"to\" must be YYYY-MM-DD, not \"{entry.To}\"");
            }

            if (to < from || to.DayNumber - from.DayNumber > 31)
            {
                return new ParseOutcome(null, $"entry {i + 1}: the range {from:yyyy-MM-dd}..{to:yyyy-MM-dd} is not 1 to 32 days long");
            }

            if (string.IsNullOrWhiteSpace(entry.Name))
            {
                return new ParseOutcome(null, $"entry {i + 1}: \"name\" is missing");
            }

            for (var day = from; day <= to; day = day.AddDays(1))
            {
                switch (entry.Kind)
                {
                    case "off":
                        daysOff.Add(new DayOff(day, entry.Name, DayOffKind.Announced));
                        break;
                    case "work":
                        workingDays.Add(new SwappedWorkingDay(day, entry.Name));
                        break;
                    default:
                        return new ParseOutcome(null, $"entry {i + 1}: \"kind\" must be \"off\" or \"work\", not \"{entry.Kind}\"");
                }
            }
        }

        return new ParseOutcome(new AnnouncedCalendarChanges(daysOff, workingDays), null);
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

    private sealed record EntryShape(string? Date, string? To, string? Kind, string? Name);
}
