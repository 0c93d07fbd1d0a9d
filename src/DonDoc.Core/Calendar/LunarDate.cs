namespace DonDoc.Core.Calendar;

/// <summary>A date of the Vietnamese lunisolar calendar (âm lịch).</summary>
/// <param name="Year">The lunar year, counted like the solar year in which most of it falls.</param>
/// <param name="Month">1–12; a leap month (tháng nhuận) repeats the number of the month before it.</param>
public readonly record struct LunarDate(int Year, int Month, int Day, bool IsLeapMonth = false)
{
    public override string ToString() => IsLeapMonth ? $"{Day}/{Month}N/{Year} ÂL" : $"{Day}/{Month}/{Year} ÂL";
}
