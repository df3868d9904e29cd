namespace Cohesion.Analytics.Surveillance;

/// <summary>
/// One monitored time of one series: the count, what the method expected, the upper bound above which a count is
/// an alarm, the alarm, the method's score, and why the bound is missing when it is.
/// </summary>
/// <param name="Time">The time index (1-based position in the series, as R's surveillance numbers it).</param>
/// <param name="Observed">The count (NaN where missing).</param>
/// <param name="Expected">The model's expected count (NaN for EARS, which has none, and where no bound is given).</param>
/// <param name="Upper">The upper bound (NaN where the model could not be fitted or too few cases were seen).</param>
/// <param name="Alarm">Whether the count is above the bound (and, for Farrington, limit54 is met and the count is not 0).</param>
/// <param name="Score">Farrington: (y − expected)/(upper − expected), an alarm above 1; EARS: the C statistic.</param>
/// <param name="Note">Why <paramref name="Upper"/> is missing, in words; null otherwise.</param>
public sealed record DetectionPoint(int Time, double Observed, double Expected, double Upper, bool Alarm, double Score, string? Note = null);

/// <summary>Parameters out of range or a series too short for them; the message names the parameter and value.</summary>
public sealed class DetectionException(string message) : Exception(message);
