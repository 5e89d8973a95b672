using System.Text;
using System.Text.Json;
using CchcPortal.Core.Model;
using CchcPortal.Core.Schema;

namespace CchcPortal.Site.Editor;

/// <summary>
/// What the web editor's forms need beyond Sveltia CMS's options (issue 38), as <c>admin/cchc-form.js</c>, run before
/// the editor, and <c>admin/cchc-form.json</c>, the reports each plan already has:
/// <list type="bullet">
/// <item>the interface in Vietnamese whatever the browser's language (no "now available in English" banner: the
/// editor offers it when <c>navigator.language</c> differs from the interface's);</item>
/// <item>dates read and typed day first, dd/mm/yyyy, whatever the browser's language (a date field of the browser
/// follows the browser's language: MM/DD/YYYY in an English one, where "15032026" became 2026-12-03): a text field
/// in front of the browser's, which it fills only with a day that exists, saying at once when the day typed does not
/// exist or is not understood; the file keeps YYYY-MM-DD;</item>
/// <item>a new report for a period that already has one: said under the period at once, and saving is stopped (the
/// editor would write a second file, q1-1.md); the periods come from the last build (<c>cchc serve</c> rebuilds on
/// every save);</item>
/// <item>no "+ Thêm …" button under a relation (a report's task picker made a new task of the plan there);</item>
/// <item>an entry whose relation holds a number (<c>plan: 2026</c>) still opens: the editor's list of the chosen
/// values threw on a number, and the whole form stayed empty.</item>
/// </list>
/// </summary>
public static class EditorForm
{
    public const string ScriptFile = "cchc-form.js";
    public const string DataFile = "cchc-form.json";

    /// <summary>{"reports-2026": {"q1": "content/plans/2026/reports/q1.md"}}: each plan's periods that have a report.</summary>
    public static string Data(IReadOnlyList<Plan> plans)
    {
        var reports = plans.OrderBy(p => p.Id, StringComparer.Ordinal).ToDictionary(
            p => CmsConfig.Name(ContentSchema.Report, p),
            p => p.Reports.GroupBy(r => r.Period.Id, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First().Source));
        // Written with Utf8JsonWriter, not JsonSerializer: the tool runs with reflection-based serialization off (Native AOT).
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteStartObject("reports");
            foreach (var (collection, periods) in reports)
            {
                w.WriteStartObject(collection);
                foreach (var (period, source) in periods) w.WriteString(period, source);
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    public const string Script = """
        // cchc: biểu mẫu theo cách viết của Việt Nam, chạy trước trình soạn thảo. / The forms the Vietnamese way; runs before the editor.
        (function () {
          "use strict";
          var data = new URL("cchc-form.json", document.currentScript.src).href;

          // The interface in Vietnamese whatever the browser's language: the editor offers another language when the
          // browser's differs from its own.
          try {
            Object.defineProperty(Navigator.prototype, "language", { configurable: true, get: function () { return "vi"; } });
            Object.defineProperty(Navigator.prototype, "languages", { configurable: true, get: function () { return ["vi"]; } });
          } catch (e) { /* the banner may show; everything else works */ }

          // A relation whose file holds a number (plan: 2026, tasks: [5, 6], as cchc new supervision, the guide and a
          // person write them) is shown by Sveltia CMS 0.221.1 through Intl.ListFormat, which throws on anything but
          // text: the form stopped drawing, every field looked empty and "Lưu" stayed disabled. Given as text.
          var format = Intl.ListFormat.prototype.format;
          Intl.ListFormat.prototype.format = function (list) { return format.call(this, Array.from(list, String)); };

          var style = document.createElement("style");
          style.textContent =
            // A report picks a task of its plan; tasks are made in the plan's own list, not from a report.
            'section[data-field-type="relation"] button[aria-haspopup="dialog"] { display: none !important; }' +
            "input[data-cchc-date] { font: inherit; padding: 4px 8px; width: 9.5em; border: 1px solid var(--sui-textbox-border-color, #888); border-radius: var(--sui-textbox-border-radius, 4px); background: var(--sui-textbox-background-color, #fff); color: inherit; }" +
            'input[data-cchc-date][aria-invalid="true"] { border-color: #b3261e; }' +
            ".cchc-note { display: block; margin: 6px 0 0; color: #b3261e; font-size: var(--sui-font-size-small, 0.875rem); }" +
            ".cchc-note:empty { display: none; }";
          document.head.appendChild(style);

          function pad(n) { return (n < 10 ? "0" : "") + n; }

          // ---- dates: dd/mm/yyyy whatever the browser's language ------------------------------------------------
          var dayFirst = /^\s*(\d{1,2})\s*[\/.\-]\s*(\d{1,2})\s*[\/.\-]\s*(\d{4})\s*$/;
          var eightDigits = /^\s*(\d{2})(\d{2})(\d{4})\s*$/;
          var isoDay = /^(\d{4})-(\d{2})-(\d{2})$/;
          var valueOf = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value");

          function parse(text) {
            var m = dayFirst.exec(text) || eightDigits.exec(text);
            if (!m) return null;
            var d = +m[1], mo = +m[2], y = +m[3];
            var real = mo >= 1 && mo <= 12 && d >= 1 && d <= new Date(y, mo, 0).getDate();
            return { iso: y + "-" + pad(mo) + "-" + pad(d), shown: pad(d) + "/" + pad(mo) + "/" + y, real: real };
          }

          function shown(iso) {
            var m = isoDay.exec(iso || "");
            return m ? m[3] + "/" + m[2] + "/" + m[1] : "";
          }

          // What the editor reads: the browser's date field, set as typing in it would.
          function store(input, iso) {
            if (valueOf.get.call(input) === iso) return;
            valueOf.set.call(input, iso);
            input.dispatchEvent(new Event("input", { bubbles: true }));
            input.dispatchEvent(new Event("change", { bubbles: true }));
          }

          function enhance(input) {
            if (input.hasAttribute("data-cchc-hidden")) return;
            input.setAttribute("data-cchc-hidden", "");
            var text = document.createElement("input");
            text.type = "text";
            text.inputMode = "numeric";
            text.autocomplete = "off";
            text.placeholder = "dd/mm/yyyy";
            text.setAttribute("data-cchc-date", "");
            if (input.getAttribute("aria-labelledby")) text.setAttribute("aria-labelledby", input.getAttribute("aria-labelledby"));
            text.setAttribute("aria-description", "Ngày/tháng/năm, ví dụ 15/03/2026");
            var note = document.createElement("span");
            note.className = "cchc-note";
            note.setAttribute("role", "alert");
            input.parentNode.insertBefore(text, input);
            input.parentNode.parentNode.insertBefore(note, input.parentNode.nextSibling);
            input.style.cssText = "position:absolute;width:1px;height:1px;opacity:0;pointer-events:none;";
            input.tabIndex = -1;
            input.setAttribute("aria-hidden", "true");
            var last = null;
            var say = function (message) {
              note.textContent = message;
              if (message) text.setAttribute("aria-invalid", "true"); else text.removeAttribute("aria-invalid");
            };
            // The editor sets the field (an entry opened, "Hôm nay", "Xóa"): shown day first unless being typed in.
            var sync = function () {
              if (!text.isConnected) { clearInterval(timer); return; }
              var iso = valueOf.get.call(input);
              if (iso !== last && document.activeElement !== text) { last = iso; text.value = shown(iso); say(""); }
            };
            var timer = setInterval(sync, 250);
            sync();
            var commit = function (done) {
              var typed = text.value.trim();
              if (typed === "") { last = ""; store(input, ""); say(""); return; }
              var day = parse(typed);
              if (day && day.real) {
                last = day.iso; store(input, day.iso); say("");
                if (done) text.value = day.shown;
                return;
              }
              if (!day && !done) return;   // still typing
              // Never another day than the one typed: the field is emptied and the form says why.
              last = ""; store(input, "");
              say(day ? typed + " không phải là một ngày có thật. Hãy gõ lại ngày/tháng/năm, ví dụ 28/02/2026."
                      : "Không hiểu ngày \"" + typed + "\". Hãy gõ ngày/tháng/năm, ví dụ 15/03/2026.");
            };
            text.addEventListener("input", function () { commit(false); });
            text.addEventListener("change", function () { commit(true); });
            text.addEventListener("blur", function () { commit(true); });
          }

          // ---- a period that already has a report ----------------------------------------------------------------
          var taken = null;      // the period chosen on a new report's form, when it has a report already
          function newReport() { return /^#\/collections\/(reports-[^\/]+)\/new/.exec(location.hash); }

          function chosenPeriod(section) {
            var radio = section.querySelector('[role="radio"][aria-checked="true"]');
            if (radio) return radio.getAttribute("value");
            var box = section.querySelector('[role="combobox"]');
            var m = box && /\(([a-z0-9][a-z0-9-]*)\)[^()]*$/.exec(box.value || box.textContent || "");
            return m ? m[1] : null;
          }

          var checking = false;
          function checkPeriod() {
            var match = newReport();
            var section = match && document.querySelector('section[data-key-path="period"]');
            if (!section) { taken = null; return; }
            var period = chosenPeriod(section);
            var note = section.querySelector(".cchc-note");
            if (!note) {
              note = document.createElement("span");
              note.className = "cchc-note";
              note.setAttribute("role", "alert");
              section.appendChild(note);
            }
            if (!period) { taken = null; note.textContent = ""; return; }
            if (checking) return;
            checking = true;
            fetch(data, { cache: "no-store" })
              .then(function (r) { return r.ok ? r.json() : { reports: {} }; })
              .catch(function () { return { reports: {} }; })
              .then(function (data) {
                checking = false;
                var file = ((data.reports || {})[match[1]] || {})[period];
                taken = file ? { period: period, file: file } : null;
                note.textContent = file
                  ? "Kỳ này đã có báo cáo (" + file + "). Hãy mở báo cáo đó trong danh sách để sửa; lưu ở đây sẽ tạo một tệp thứ hai."
                  : "";
              });
          }

          // Saving a second report of a period is stopped, by the button or Ctrl+S, and the reason shown again.
          function stopSave(event) {
            if (!taken || !newReport()) return;
            var button = event.type === "click" && event.target.closest && event.target.closest("button");
            var isSave = button ? (button.getAttribute("data-label") === "Lưu" || button.textContent.trim() === "Lưu")
                                : event.type === "keydown" && (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "s";
            if (!isSave) return;
            event.preventDefault();
            event.stopImmediatePropagation();
            var note = document.querySelector('section[data-key-path="period"] .cchc-note');
            if (note) { note.scrollIntoView({ block: "center" }); note.textContent = note.textContent; }
          }
          document.addEventListener("click", stopSave, true);
          document.addEventListener("keydown", stopSave, true);

          var lastPeriod = null;
          new MutationObserver(function () {
            document.querySelectorAll('input[type="date"]:not([data-cchc-hidden])').forEach(enhance);
            var section = newReport() && document.querySelector('section[data-key-path="period"]');
            var period = section ? location.hash + "|" + chosenPeriod(section) : null;
            if (period !== lastPeriod) { lastPeriod = period; checkPeriod(); }
          }).observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ["aria-checked", "value"] });
        })();

        """;
}
