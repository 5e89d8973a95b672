using System.Text.Json;
using CchcPortal.Core.Diagnostics;
using CchcPortal.Core.Model;
using CchcPortal.Site.Build;
using CchcPortal.Site.Output;
using CchcPortal.Site.Render;

namespace CchcPortal.Site.Index;

/// <summary>What a downloadable file is, for the open-data page: its group (site, a plan, a unit, feeds, schemas).</summary>
public enum DataFileGroup { Site, Plan, UnitCalendar, Feed, Description }

/// <summary>One file of open data, with the size actually written (so the page shows the true size).</summary>
public sealed record DataFile(string Path, string Format, DataFileGroup Group, string Name, string? PlanId = null, string? UnitId = null,
    string? Lang = null, TableKind? Kind = null)
{
    public long Size { get; init; }
}

/// <summary>
/// Open data: CSV and JSON of plans, tasks, targets, reports and units (the site's and each plan's), a Frictionless
/// Data Package and JSON Schemas describing them, an Atom feed of reports per language and iCalendar files of
/// deadlines per plan and per lead unit — all from the model. The "Dữ liệu mở" page lists them with their sizes.
/// </summary>
public sealed class OpenDataOutput : ISiteOutput
{
    public const string Folder = "data/";

    /// <summary>Where a table is written: data/tasks.csv for the site, data/plans/&lt;plan&gt;/tasks.csv for a plan
    /// (under plans/ so a plan id can never collide with data/units/ or data/schema/).</summary>
    public static string PathOf(TableKind kind, string? planId, string ext) =>
        planId is null ? $"{Folder}{kind.Name}.{ext}" : $"{Folder}plans/{planId}/{kind.Name}.{ext}";

    public void Write(BuildContext context, SiteWriter writer)
    {
        var files = Files(context.Portal, context.Strings, writer);
        // The open-data page lists them with the sizes written; it is rendered after the outputs.
        context.DataFiles = files;
        context.Summary["open data"] = Sentences.OpenDataLine.With(files.Count, files.Sum(f => f.Size) / 1024);
    }

    /// <summary>
    /// Makes and writes every file, in the order the page lists them. The files are independent, so they are written
    /// in parallel, each straight to disk; the Data Package comes last because it gives the size of each CSV.
    /// </summary>
    public static IReadOnlyList<DataFile> Files(Portal portal, IReadOnlyDictionary<string, Strings> strings, SiteWriter writer)
    {
        var config = portal.Config;
        var files = new List<(DataFile File, Action<Stream> Write)>();
        var tables = portal.Rollup is { } rollup ? RollupTables.All(portal, rollup) : OpenDataTables.All(portal);
        foreach (var table in tables)
        {
            var group = table.PlanId is null ? DataFileGroup.Site : DataFileGroup.Plan;
            files.Add((new(PathOf(table.Kind, table.PlanId, "csv"), "CSV", group, table.Kind.Name, table.PlanId, Kind: table.Kind),
                table.Csv));
            files.Add((new(PathOf(table.Kind, table.PlanId, "json"), "JSON", group, table.Kind.Name, table.PlanId, Kind: table.Kind),
                s => table.Json(s, config.AsOf, config.License)));
        }

        // Calendars in the default language: one per plan, one per unit leading a dated task.
        var t = strings[config.DefaultLanguage];
        foreach (var p in portal.Plans)
        {
            var events = Calendar.Events(p).ToList();
            if (events.Count == 0) continue;
            files.Add((new($"{Folder}plans/{p.Plan.Id}/deadlines.ics", "iCalendar", DataFileGroup.Plan, "deadlines", p.Plan.Id),
                s => Calendar.Ics(s, portal, t, $"{p.Plan.Number ?? p.Plan.Title.Vi} — {t["deadlines_calendar"]}", events)));
        }
        var byLead = portal.Plans.SelectMany(p => Calendar.Events(p)).ToLookup(e => e.Task.Task.LeadId, StringComparer.Ordinal);
        foreach (var u in portal.Units)
        {
            var events = byLead[u.Id].ToList();
            if (events.Count == 0) continue;
            files.Add((new($"{Folder}units/{u.Id}.ics", "iCalendar", DataFileGroup.UnitCalendar, u.Id, UnitId: u.Id),
                s => Calendar.Ics(s, portal, t, $"{u.Name.Vi} — {t["deadlines_calendar"]}", events)));
        }

        // The due dates of the Front's recommendations awaiting an answer.
        if (Calendar.RecommendationEvents(portal).Count > 0)
            files.Add((new($"{Folder}recommendations.ics", "iCalendar", DataFileGroup.Site, "recommendations-calendar"), s => Calendar.RecommendationsIcs(s, portal, t)));

        foreach (var lang in config.Languages)
            files.Add((new(Feeds.PathOf(lang, config.DefaultLanguage), "Atom", DataFileGroup.Feed, "feed", Lang: lang), s => Feeds.Atom(s, portal, strings[lang])));

        foreach (var kind in portal.Rollup is null ? OpenDataTables.SiteKinds : RollupTables.Kinds)
            files.Add((new($"{Folder}schema/{kind.Name}.schema.json", "JSON Schema", DataFileGroup.Description, kind.Name, Kind: kind),
                s => OpenDataFormats.JsonSchema(s, kind, config.BaseUrl)));

        var written = new DataFile[files.Count];
        Parallel.For(0, files.Count, i => written[i] = files[i].File with { Size = writer.Write(files[i].File.Path, files[i].Write) });
        var package = new DataFile($"{Folder}datapackage.json", "Data Package", DataFileGroup.Description, "datapackage");
        DataFile[] described = [.. written, package with { Size = writer.Write(package.Path, s => DataPackage(s, portal, written)) }];
        return [.. described, .. Catalog.Write(CatalogOf(portal, described), writer)];
    }

    /// <summary>The DCAT-AP catalog of a commune's site: one dataset for the whole site, one per plan, each with its CSV and JSON.</summary>
    private static CatalogInfo CatalogOf(Portal portal, IReadOnlyList<DataFile> files)
    {
        var config = portal.Config;
        // A roll-up is published by its province.
        var name = (config.IsRollup ? config.Province : config.Commune) ?? config.Title;
        var place = config.Province is null ? name : $"{name}, {config.Province}";
        static CatalogDistribution Distribution(DataFile f) => f.Kind is { } kind
            ? new(f.Path, f.Format, f.Size, $"{kind.TitleVi} ({f.Format})", $"{kind.TitleEn} ({f.Format})",
                f.Format == "JSON" ? $"{Folder}schema/{kind.Name}.schema.json" : null)
            : new(f.Path, "JSON", f.Size, "Gói dữ liệu (Frictionless Data Package)", "Data Package (Frictionless)",
                "https://specs.frictionlessdata.io/tabular-data-package/");
        bool Table(DataFile f) => f.Format is "CSV" or "JSON" && f.Kind is not null;
        var datasets = new List<CatalogDataset>();
        var plans = portal.Plans.Select(p => (p, Issued: p.Plan.Issued ?? p.Plan.PeriodFrom,
            Modified: p.Plan.Reports.Where(r => r.Effective <= config.AsOf).Select(r => (DateOnly?)r.Effective).Max() ?? p.Plan.Issued ?? p.Plan.PeriodFrom)).ToList();
        datasets.Add(new CatalogDataset("site", $"Dữ liệu cải cách hành chính — {place}", $"Administrative-reform data — {place}",
            config.IsRollup
                ? $"Tiến độ cải cách hành chính của từng xã thuộc {name}: số nhiệm vụ hoàn thành, đang thực hiện, quá hạn, chưa báo cáo, chỉ tiêu đạt, báo cáo gần nhất; tổng hợp ngày {OpenDataFormats.Date(config.AsOf)} từ dữ liệu mở của các xã."
                : $"Toàn bộ kế hoạch, nhiệm vụ, chỉ tiêu, báo cáo cải cách hành chính và đơn vị thực hiện của {name}; trạng thái tính đến ngày {OpenDataFormats.Date(config.AsOf)}.",
            config.IsRollup
                ? $"The administrative-reform progress of every commune of {name}: tasks done, in progress, overdue, unreported, targets met, latest report; gathered on {OpenDataFormats.Date(config.AsOf)} from the communes' open data."
                : $"Every administrative-reform plan, task, target and report of {name}, and the units carrying them out; statuses as of {OpenDataFormats.Date(config.AsOf)}.",
            Catalog.Base(config) + Routes.OpenData,
            files.Where(f => (Table(f) && f.PlanId is null && f.Group == DataFileGroup.Site) || f.Name == "datapackage").Select(Distribution).ToList())
        {
            // A roll-up's data is as new as its communes' (their as-of dates); a site without dates is dated by its as_of.
            Issued = plans.Select(p => p.Issued).Where(d => d is not null).Min()
                ?? portal.Rollup?.Communes.Select(c => c.AsOf).Where(d => d is not null).Min() ?? config.AsOf,
            Modified = plans.Select(p => p.Modified).Where(d => d is not null).Max()
                ?? portal.Rollup?.Communes.Select(c => c.AsOf).Where(d => d is not null).Max() ?? config.AsOf,
        });
        var byPlan = files.Where(f => Table(f) && f.PlanId is not null).ToLookup(f => f.PlanId, StringComparer.Ordinal);
        foreach (var (p, issued, modified) in plans)
        {
            var plan = p.Plan;
            var title = (plan.Number is null ? "" : plan.Number + ": ") + plan.Title.Vi;
            var titleEn = (plan.Number is null ? "" : plan.Number + ": ") + plan.Title.Get("en");
            datasets.Add(new CatalogDataset("plan-" + plan.Id, title, titleEn,
                $"Nhiệm vụ, chỉ tiêu, báo cáo và đơn vị của kế hoạch {plan.Number ?? plan.Id} ({name}): {p.Counts.Total} nhiệm vụ, {p.TargetCounts.Total} chỉ tiêu, {plan.Reports.Count} báo cáo.",
                $"Tasks, targets, reports and units of plan {plan.Number ?? plan.Id} ({name}): {p.Counts.Total} tasks, {p.TargetCounts.Total} targets, {plan.Reports.Count} reports.",
                Catalog.Base(config) + Routes.Plan(plan.Id), byPlan[plan.Id].Select(Distribution).ToList())
            {
                Issued = issued,
                Modified = modified,
                PeriodFrom = plan.PeriodFrom,
                PeriodTo = plan.PeriodTo,
            });
        }
        return new CatalogInfo(config, name, $"Administrative reform — {place}",
            $"Dữ liệu mở cải cách hành chính của {place}: mỗi kế hoạch một bộ dữ liệu, và một bộ cho toàn cổng.",
            $"Open administrative-reform data of {place}: one dataset per plan, and one for the whole portal.", datasets);
    }

    /// <summary>The Frictionless Data Package: every CSV with its Table Schema, the licence, and the size of each file.</summary>
    private static void DataPackage(Stream stream, Portal portal, IReadOnlyList<DataFile> files)
    {
        var config = portal.Config;
        var (licenseName, licensePath) = License(config.License);
        OpenDataFormats.JsonDocument(stream, w =>
        {
            w.WriteStartObject();
            w.WriteString("profile", "tabular-data-package");
            w.WriteString("name", "cchc-" + Feeds.Host(config.BaseUrl).Replace('.', '-').Replace("cchc-portal-invalid", "portal"));
            w.WriteString("title", config.Title);
            w.WriteString("description", "Kế hoạch, nhiệm vụ, chỉ tiêu, báo cáo cải cách hành chính và đơn vị thực hiện — Administrative-reform plans, tasks, targets, reports and units");
            if (Feeds.IsAbsolute(config.BaseUrl)) w.WriteString("homepage", config.BaseUrl);
            w.WriteString("x_as_of", OpenDataFormats.Date(config.AsOf));
            // Who publishes it, for a province's roll-up (cchc fetch) and anyone else reading many communes' packages.
            if (config.Commune is not null) w.WriteString("x_commune", config.Commune);
            if (config.Province is not null) w.WriteString("x_province", config.Province);
            w.WriteStartArray("licenses");
            w.WriteStartObject();
            if (licenseName is not null) w.WriteString("name", licenseName);
            if (licensePath is not null) w.WriteString("path", licensePath);
            w.WriteString("title", config.License);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteStartArray("resources");
            foreach (var f in files.Where(f => f.Format == "CSV"))
            {
                w.WriteStartObject();
                w.WriteString("name", f.PlanId is null ? f.Name : $"{f.PlanId}-{f.Name}");
                w.WriteString("path", f.Path[Folder.Length..]);
                w.WriteString("title", $"{f.Kind!.TitleVi} — {f.Kind.TitleEn}" + (f.PlanId is null ? "" : $" ({f.PlanId})"));
                w.WriteString("profile", "tabular-data-resource");
                w.WriteString("format", "csv");
                w.WriteString("mediatype", "text/csv");
                // "utf-8": the Data Package spec knows no "utf-8-sig"; the BOM (kept for Excel) is skipped by Frictionless readers.
                w.WriteString("encoding", "utf-8");
                w.WriteNumber("bytes", f.Size);
                w.WriteStartObject("dialect");
                w.WriteString("delimiter", ",");
                w.WriteString("lineTerminator", "\r\n");
                w.WriteString("quoteChar", "\"");
                w.WriteBoolean("header", true);
                w.WriteEndObject();
                w.WritePropertyName("schema");
                OpenDataFormats.TableSchema(w, f.Kind);
                w.WriteEndObject();
                OpenDataFormats.FlushIfFull(w);
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>The Open Definition id and address of the common licences; other texts are kept as the title only.</summary>
    public static (string? Name, string? Path) License(string text)
    {
        var key = new string(text.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());
        return key switch
        {
            "ccby40" => ("CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/"),
            "ccbysa40" => ("CC-BY-SA-4.0", "https://creativecommons.org/licenses/by-sa/4.0/"),
            "cc0" or "cc010" => ("CC0-1.0", "https://creativecommons.org/publicdomain/zero/1.0/"),
            "odcby" or "odcby10" => ("ODC-By-1.0", "https://opendatacommons.org/licenses/by/1-0/"),
            "odbl" or "odbl10" => ("ODbL-1.0", "https://opendatacommons.org/licenses/odbl/1-0/"),
            "pddl" or "pddl10" => ("PDDL-1.0", "https://opendatacommons.org/licenses/pddl/1-0/"),
            _ => (new string(text.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.').ToArray()) is { Length: > 0 } id ? id : "other", null),
        };
    }
}
