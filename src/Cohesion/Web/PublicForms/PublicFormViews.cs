namespace Cohesion.Web.PublicForms;

/// <summary>
/// What the shared "saved" page needs: the code (shown once), until when it is kept, where it is typed in again
/// (<paramref name="ResumePath"/>, given the code as <c>?code=</c>), and the carried answers to go on with now.
/// </summary>
public sealed record SavedForm(string Code, DateTime Until, string ResumePath, string Action, string Token, string Step);

/// <summary>What the shared "too many answers, wait a minute" page needs to hand the answers back.</summary>
public sealed record WaitForm(string Action, string Token, string Step, string What);
