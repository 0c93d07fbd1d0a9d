namespace DonDoc.Core.Calendar;

/// <summary>
/// The Vietnamese lunisolar calendar, computed astronomically for the meridian 105°E (UTC+7).
/// </summary>
/// <remarks>
/// The rules: a month begins on the local day of the new moon; the month that contains the winter
/// solstice is month 11; in a year with 13 months, the leap month is the first month after month 11
/// in which the sun enters no new principal term (zhongqi, a multiple of 30° of longitude).
/// New moons and solar longitudes follow Jean Meeus, "Astronomical Algorithms" (2nd ed., ch. 25 and
/// ch. 49, the truncated series), accurate to minutes over 1900–2100, which is what the day of the
/// new moon needs. .NET's ChineseLunisolarCalendar uses UTC+8 and differs in some years (Tết 2030).
/// </remarks>
public static class LunarCalendar
{
    /// <summary>UTC+7: Vietnam's time zone since 1968, the one its calendar is computed for.</summary>
    private const double TimeZoneHours = 7.0;
    private const double SynodicMonth = 29.530588853;

    /// <summary>Julian day number of the first new moon that the k-index counts from (Jan 1900).</summary>
    private const double Epoch1900NewMoon = 2415021.076998695;

    public static DateOnly MinSupported { get; } = new(1900, 1, 31);

    public static DateOnly MaxSupported { get; } = new(2199, 12, 31);

    /// <summary>The lunar date of a solar (Gregorian) date.</summary>
    public static LunarDate FromSolar(DateOnly date)
    {
        EnsureSupported(date);
        var dayNumber = JulianDayNumber(date);
        // The estimate from the mean month can be one off near a new moon: settle on the k whose new
        // moon day is the last one on or before the date.
        var k = (int)Math.Floor((dayNumber - Epoch1900NewMoon) / SynodicMonth);
        while (NewMoonDay(k) > dayNumber)
        {
            k--;
        }

        while (NewMoonDay(k + 1) <= dayNumber)
        {
            k++;
        }

        var monthStart = NewMoonDay(k);

        var a11 = Month11Start(date.Year);
        var b11 = a11;
        int lunarYear;
        if (a11 >= monthStart)
        {
            lunarYear = date.Year;
            a11 = Month11Start(date.Year - 1);
        }
        else
        {
            lunarYear = date.Year + 1;
            b11 = Month11Start(date.Year + 1);
        }

        var day = dayNumber - monthStart + 1;
        var diff = (int)Math.Floor((monthStart - a11) / 29.0);
        var isLeap = false;
        var month = diff + 11;
        if (b11 - a11 > 365)
        {
            var leapOffset = LeapMonthOffset(a11);
            if (diff >= leapOffset)
            {
                month = diff + 10;
                if (diff == leapOffset)
                {
                    isLeap = true;
                }
            }
        }

        if (month > 12)
        {
            month -= 12;
        }

        if (month >= 11 && diff < 4)
        {
            lunarYear -= 1;
        }

        return new LunarDate(lunarYear, month, day, isLeap);
    }

    /// <summary>The solar date of a lunar date, or null when that lunar date does not exist.</summary>
    public static DateOnly? ToSolar(LunarDate lunar)
    {
        if (lunar.Month is < 1 or > 12 || lunar.Day is < 1 or > 30)
        {
            return null;
        }

        int a11, b11;
        if (lunar.Month < 11)
        {
            a11 = Month11Start(lunar.Year - 1);
            b11 = Month11Start(lunar.Year);
        }
        else
        {
            a11 = Month11Start(lunar.Year);
            b11 = Month11Start(lunar.Year + 1);
        }

        var offset = lunar.Month - 11;
        if (offset < 0)
        {
            offset += 12;
        }

        if (b11 - a11 > 365)
        {
            var leapOffset = LeapMonthOffset(a11);
            var leapMonth = leapOffset - 2;
            if (leapMonth < 0)
            {
                leapMonth += 12;
            }

            if (lunar.IsLeapMonth && lunar.Month != leapMonth)
            {
                return null;
            }

            if (lunar.IsLeapMonth || offset >= leapOffset)
            {
                offset += 1;
            }
        }
        else if (lunar.IsLeapMonth)
        {
            return null;
        }

        var k = (int)Math.Floor(0.5 + ((a11 - Epoch1900NewMoon) / SynodicMonth));
        var monthStart = NewMoonDay(k + offset);
        var nextMonthStart = NewMoonDay(k + offset + 1);
        var dayNumber = monthStart + lunar.Day - 1;
        return dayNumber >= nextMonthStart ? null : FromJulianDayNumber(dayNumber);
    }

    /// <summary>Tết Nguyên đán: the first day of the first lunar month of <paramref name="year"/>.</summary>
    public static DateOnly NewYear(int year) => ToSolar(new LunarDate(year, 1, 1))!.Value;

    /// <summary>The Julian day number of the local day on which the k-th new moon after Jan 1900 falls.</summary>
    private static int NewMoonDay(int k) => (int)Math.Floor(NewMoon(k) + 0.5 + (TimeZoneHours / 24));

    /// <summary>Which 30° sector (0–11) of solar longitude the sun is in at the start of a local day.</summary>
    private static int SunSector(int dayNumber) =>
        (int)Math.Floor(SunLongitude(dayNumber - 0.5 - (TimeZoneHours / 24)) / Math.PI * 6);

    /// <summary>The start of the lunar month 11 (the month of the winter solstice) of a solar year.</summary>
    private static int Month11Start(int year)
    {
        var offset = JulianDayNumber(new DateOnly(year, 12, 31)) - 2415021;
        var k = (int)Math.Floor(offset / SynodicMonth);
        var newMoon = NewMoonDay(k);
        // The sun past 270° (sector 9) at that new moon means the solstice fell in the month before.
        return SunSector(newMoon) >= 9 ? NewMoonDay(k - 1) : newMoon;
    }

    /// <summary>How many months after month 11 the leap month comes, in a year of 13 months.</summary>
    private static int LeapMonthOffset(int month11Start)
    {
        var k = (int)Math.Floor(((month11Start - Epoch1900NewMoon) / SynodicMonth) + 0.5);
        var i = 1;
        var sector = SunSector(NewMoonDay(k + i));
        int last;
        do
        {
            last = sector;
            i++;
            sector = SunSector(NewMoonDay(k + i));
        }
        while (sector != last && i < 14);

        return i - 1;
    }

    /// <summary>The moment (Julian ephemeris day, corrected to UT) of the k-th new moon after Jan 1900 (Meeus).</summary>
    private static double NewMoon(int k)
    {
        const double dr = Math.PI / 180;
        var t = k / 1236.85;
        var t2 = t * t;
        var t3 = t2 * t;
        var jd = 2415020.75933 + (29.53058868 * k) + (0.0001178 * t2) - (0.000000155 * t3)
            + (0.00033 * Math.Sin((166.56 + (132.87 * t) - (0.009173 * t2)) * dr));
        var m = (359.2242 + (29.10535608 * k) - (0.0000333 * t2) - (0.00000347 * t3)) * dr;
        var mPrime = (306.0253 + (385.81691806 * k) + (0.0107306 * t2) + (0.00001236 * t3)) * dr;
        var f = (21.2964 + (390.67050646 * k) - (0.0016528 * t2) - (0.00000239 * t3)) * dr;
        var correction = ((0.1734 - (0.000393 * t)) * Math.Sin(m)) + (0.0021 * Math.Sin(2 * m))
            - (0.4068 * Math.Sin(mPrime)) + (0.0161 * Math.Sin(2 * mPrime)) - (0.0004 * Math.Sin(3 * mPrime))
            + (0.0104 * Math.Sin(2 * f)) - (0.0051 * Math.Sin(m + mPrime)) - (0.0074 * Math.Sin(m - mPrime))
            + (0.0004 * Math.Sin((2 * f) + m)) - (0.0004 * Math.Sin((2 * f) - m))
            - (0.0006 * Math.Sin((2 * f) + mPrime)) + (0.0010 * Math.Sin((2 * f) - mPrime))
            + (0.0005 * Math.Sin((2 * mPrime) + m));
        // ΔT (dynamical time minus universal time), in days, by Meeus's polynomial fits.
        var deltaT = t < -11
            ? 0.001 + (0.000839 * t) + (0.0002261 * t2) - (0.00000845 * t3) - (0.000000081 * t * t3)
            : -0.000278 + (0.000265 * t) + (0.000262 * t2);
        return jd + correction - deltaT;
    }

    /// <summary>The sun's apparent longitude in radians, [0, 2π), at a Julian day (Meeus ch. 25, low accuracy).</summary>
    private static double SunLongitude(double julianDay)
    {
        const double dr = Math.PI / 180;
        var t = (julianDay - 2451545.0) / 36525;
        var t2 = t * t;
        var m = 357.52910 + (35999.05030 * t) - (0.0001559 * t2) - (0.00000048 * t * t2);
        var l0 = 280.46645 + (36000.76983 * t) + (0.0003032 * t2);
        var center = ((1.914600 - (0.004817 * t) - (0.000014 * t2)) * Math.Sin(dr * m))
            + ((0.019993 - (0.000101 * t)) * Math.Sin(dr * 2 * m)) + (0.000290 * Math.Sin(dr * 3 * m));
        var longitude = (l0 + center) * dr;
        longitude -= Math.PI * 2 * Math.Floor(longitude / (Math.PI * 2));
        return longitude;
    }

    private static int JulianDayNumber(DateOnly date) => date.DayNumber + 1721426;

    private static DateOnly FromJulianDayNumber(int dayNumber) => DateOnly.FromDayNumber(dayNumber - 1721426);

    private static void EnsureSupported(DateOnly date)
    {
        if (date < MinSupported || date > MaxSupported)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, $"The lunar calendar is computed for {MinSupported:yyyy-MM-dd} to {MaxSupported:yyyy-MM-dd}.");
        }
    }
}
