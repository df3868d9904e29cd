namespace Cohesion.Tensions.Watch;

/// <summary>
/// Alert noise control: one alert per episode of a series, not one per alarm week. An alarm week within
/// <c>clearWeeks</c> clear weeks of the series' latest alert (open, acknowledged or closed) belongs to that episode and
/// extends it; an alarm after at least that many clear weeks starts a new episode; an alarm week the episode already
/// covers changes nothing, so running detection twice raises nothing new.
/// </summary>
public static class Episodes
{
    public enum Step { Known, Extend, Raise }

    /// <param name="latest">The series' latest alert as (first week, last week), or null when it has none.</param>
    public static Step Decide((int First, int Last)? latest, int alarmWeek, int clearWeeks)
    {
        if (latest is not { } a) return Step.Raise;
        if (alarmWeek <= a.Last) return Step.Known;
        // Weeks strictly between the last alarm and this one are the clear weeks.
        return alarmWeek - a.Last - 1 < clearWeeks ? Step.Extend : Step.Raise;
    }
}
