using System.Globalization;
using System.Text;
using CchcPortal.Core.Model;
using CchcPortal.Site.Render;

namespace CchcPortal.Site.Index;

/// <summary>
/// iCalendar files of deadlines (RFC 5545): an all-day event per dated milestone of a task, so a unit or the Front can
/// subscribe in a phone calendar. Lines end in CRLF and are folded at 75 octets; UIDs are stable (plan, task,
/// milestone); DTSTAMP comes from the content (the plan's latest issue or report date), never the clock.
/// </summary>
public static class Calendar
{
    /// <summary>One event: a task's milestone, with the plan it belongs to.</summary>
    public sealed record Event(PlanState Plan, TaskState Task, int Index, Core.Text.Milestone Milestone);

    public static IEnumerable<Event> Events(PlanState plan, Func<TaskState, bool>? where = null) =>
        plan.Tasks.Where(t => where is null || where(t))
            .SelectMany(t => t.Task.Deadline.Milestones.Select((m, i) => new Event(plan, t, i + 1, m)));

    /// <summary>The date the calendar's content last changed: the plan's issue date or its latest report's, whichever is later.</summary>
    public static DateOnly Stamp(PlanState plan, DateOnly fallback) =>
        plan.Plan.Reports.Select(r => r.Effective).Append(plan.Plan.Issued ?? DateOnly.MinValue).Append(plan.Plan.PeriodFrom ?? DateOnly.MinValue)
            .Max() is var d && d != DateOnly.MinValue ? d : fallback;

    public static void Ics(Stream stream, Portal portal, Strings t, string name, IReadOnlyList<Event> events)
    {
        var config = portal.Config;
        var host = Feeds.Host(config.BaseUrl);
        Write(stream, name, add =>
        {
            (PlanState Plan, string Stamp)? stamp = null; // events come plan by plan
            foreach (var e in events)
            {
                if (stamp?.Plan != e.Plan) stamp = (e.Plan, Stamp(e.Plan, config.AsOf).ToString("yyyyMMdd", CultureInfo.InvariantCulture));
                var task = e.Task.Task;
                var summary = $"{t["task"]} {task.No}: {task.Title.Get(t.Lang)}" + (e.Milestone.Label is { } label ? $" ({label})" : "");
                var lead = portal.Unit(task.LeadId)?.Name.Get(t.Lang) ?? task.LeadId;
                var description = $"{t["deadline_as_written"]}: {task.Deadline.Text}"
                    + (task.Revisions > 0 ? $" ({t.Format("moved_mark", task.Revisions, task.OriginalDeadline.Text)})" : "")
                    + $"\n{t["lead"]}: {lead}\n{e.Plan.Plan.Number ?? e.Plan.Plan.Title.Get(t.Lang)}";
                add(new($"{task.PlanId}-{task.Id}-{e.Index}@{host}", stamp.Value.Stamp, e.Milestone.Due, summary, description,
                    Feeds.IsAbsolute(config.BaseUrl) ? config.BaseUrl + Routes.Task(task.PlanId, task.Id) : null));
            }
        });
    }

    /// <summary>
    /// The due dates of the Front's recommendations still awaiting an answer on as_of (overdue ones included): an all-day
    /// event each, UID from the supervision and the recommendation's number, DTSTAMP the supervision's date.
    /// </summary>
    public static void RecommendationsIcs(Stream stream, Portal portal, Strings t)
    {
        var config = portal.Config;
        var host = Feeds.Host(config.BaseUrl);
        Write(stream, $"{config.Title} — {t["recommendations_calendar"]}", add =>
        {
            foreach (var r in RecommendationEvents(portal))
            {
                var (sv, rec) = (r.Supervision, r.Recommendation);
                var unit = portal.Unit(rec.ToId)?.Name.Get(t.Lang) ?? rec.ToId;
                var description = $"{t["rec_unit"]}: {unit}\n{t["supervision_title"]}: {(sv.Number is null ? "" : sv.Number + ", ")}{sv.Title.Get(t.Lang)}";
                add(new($"recommendation-{sv.Id}-{rec.No}@{host}", sv.Issued.ToString("yyyyMMdd", CultureInfo.InvariantCulture), rec.Due!.Value,
                    t.Format("ical_recommendation", rec.No, rec.Text.Get(t.Lang)), description,
                    Feeds.IsAbsolute(config.BaseUrl) ? config.BaseUrl + Routes.Supervision(sv.Id) + "#" + Routes.RecommendationAnchor(rec.No) : null));
            }
        });
    }

    /// <summary>An all-day event: its UID, DTSTAMP (yyyyMMdd, from the content), day, summary, description and page.</summary>
    private sealed record AllDay(string Uid, string Stamp, DateOnly Day, string Summary, string Description, string? Url);

    /// <summary>A calendar named <paramref name="name"/> with the events <paramref name="events"/> adds, in that order.</summary>
    private static void Write(Stream stream, string name, Action<Action<AllDay>> events)
    {
        using var w = new StreamWriter(stream, Utf8, bufferSize: -1, leaveOpen: true);
        // Each content line is assembled in one buffer and folded from there: no string per line.
        var line = new char[256];
        var length = 0;
        void Add(ReadOnlySpan<char> part)
        {
            if (length + part.Length > line.Length) Array.Resize(ref line, Math.Max(line.Length * 2, length + part.Length));
            part.CopyTo(line.AsSpan(length));
            length += part.Length;
        }
        void Line(string first, string? second = null, string? third = null)
        {
            length = 0;
            Add(first); Add(second); Add(third);
            Fold(w, line.AsSpan(0, length));
        }
        void Dated(string name, DateOnly day)
        {
            Span<char> date = stackalloc char[8];
            day.TryFormat(date, out var n, "yyyyMMdd", CultureInfo.InvariantCulture);
            length = 0;
            Add(name); Add(date[..n]);
            Fold(w, line.AsSpan(0, length));
        }
        foreach (var header in (string[])["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//CchcPortal//Open data//VI", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"])
            Line(header);
        Line("X-WR-CALNAME:", Escape(name));
        events(e =>
        {
            Line("BEGIN:VEVENT");
            Line("UID:", e.Uid);
            Line("DTSTAMP:", e.Stamp, "T000000Z");
            Dated("DTSTART;VALUE=DATE:", e.Day);
            Dated("DTEND;VALUE=DATE:", e.Day.AddDays(1));
            Line("SUMMARY:", Escape(e.Summary));
            Line("DESCRIPTION:", Escape(e.Description));
            if (e.Url is { } url) Line("URL:", url);
            Line("TRANSP:TRANSPARENT");
            Line("END:VEVENT");
        });
        Line("END:VCALENDAR");
    }

    /// <summary>The recommendations awaiting an answer on as_of that have a due date, by due date.</summary>
    public static IReadOnlyList<RecommendationStatus> RecommendationEvents(Portal portal) =>
        portal.Supervision.Recommendations.Where(r => !r.Answered && r.Recommendation.Due is not null)
            .OrderBy(r => r.Recommendation.Due).ThenBy(r => r.Supervision.Id, StringComparer.Ordinal).ThenBy(r => r.Recommendation.No).ToList();

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>TEXT escaping: backslash, semicolon, comma, and newlines as \n.</summary>
    public static string Escape(string s) =>
        s.Replace("\\", "\\\\").Replace(";", "\\;").Replace(",", "\\,").Replace("\r\n", "\\n").Replace("\n", "\\n");

    /// <summary>Writes a content line folded at 75 octets (continuations start with a space), never inside a UTF-8 character.</summary>
    public static void Fold(TextWriter w, ReadOnlySpan<char> line)
    {
        const int Limit = 75;
        int octets = 0, start = 0, i = 0;
        while (i < line.Length)
        {
            // The octets of this character in UTF-8 (a lone surrogate is written as U+FFFD: 3).
            var c = line[i];
            var (chars, bytes) = c < 0x80 ? (1, 1) : c < 0x800 ? (1, 2) : i + 1 < line.Length && char.IsSurrogatePair(c, line[i + 1]) ? (2, 4) : (1, 3);
            if (octets + bytes > Limit)
            {
                w.Write(line[start..i]);
                w.Write("\r\n ");
                start = i;
                octets = 1;
            }
            octets += bytes;
            i += chars;
        }
        w.Write(line[start..]);
        w.Write("\r\n");
    }
}
