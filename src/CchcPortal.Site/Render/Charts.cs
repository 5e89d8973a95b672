using System.Globalization;
using System.Text;
using CchcPortal.Core.Model;

namespace CchcPortal.Site.Render;

/// <summary>Inline SVG charts, drawn at build time: readable without JavaScript, with a table beside them for screen readers.</summary>
public static class Charts
{
    private const int Width = 360, Height = 230, Left = 48, Right = 8, Top = 22, Bottom = 62;

    /// <summary>The target's values per report as bars against the goal line; null when there is no value yet.</summary>
    public static string? TargetChart(TargetState state, Views views, Strings t)
    {
        if (state.Points.Count == 0) return null;
        var target = state.Target;
        var values = state.Points.Select(p => p.Entry.Value!.Value).ToList();
        var baseline = target.Baseline?.Value;
        var all = values.Append(target.Goal.Value).Concat(baseline is { } b ? [b] : []).ToList();
        var max = target.Metric switch
        {
            Metric.Percent => 100m,
            Metric.Points when target.Max is { } m => m,
            _ => Nice(all.Max()),
        };
        if (max <= 0) max = 1;
        var plotW = Width - Left - Right;
        var plotH = Height - Top - Bottom;
        double Y(decimal v) => Top + plotH - (double)(Math.Clamp(v, 0, max) / max) * plotH;
        string F(double d) => d.ToString("0.#", CultureInfo.InvariantCulture);

        var sb = new StringBuilder();
        var label = Html.Escape(t.Format("chart_label", target.Title.Get(t.Lang)));
        sb.Append($"<svg class=\"chart\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{label}\" xmlns=\"http://www.w3.org/2000/svg\">");
        foreach (var tick in new[] { 0m, max / 2, max })
            sb.Append($"<line class=\"grid\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{F(Y(tick))}\" y2=\"{F(Y(tick))}\"/>")
              .Append($"<text class=\"axis\" x=\"{Left - 6}\" y=\"{F(Y(tick) + 4)}\" text-anchor=\"end\">{Html.Escape(views.ValueText(target, tick).Split(' ')[0])}</text>");
        var slot = plotW / (double)values.Count;
        var barW = Math.Min(56, slot * 0.6);
        for (var i = 0; i < values.Count; i++)
        {
            var x = Left + slot * i + (slot - barW) / 2;
            var y = Y(values[i]);
            var met = state.Points[i].Met;
            sb.Append($"<rect class=\"bar {(met ? TargetResult.Met : TargetResult.NotMet).Id()}\" x=\"{F(x)}\" y=\"{F(y)}\" width=\"{F(barW)}\" height=\"{F(Top + plotH - y)}\"/>");
            sb.Append($"<text class=\"value\" x=\"{F(x + barW / 2)}\" y=\"{F(y - 4)}\" text-anchor=\"middle\">{Html.Escape(views.ValueText(target, values[i]))}</text>");
            var period = state.Points[i].Report.Period.Label.Get(t.Lang);
            sb.Append($"<text class=\"axis\" x=\"{F(x + barW / 2)}\" y=\"{Height - Bottom + 18}\" text-anchor=\"middle\">{Html.Escape(period)}</text>");
        }
        var gy = F(Y(target.Goal.Value));
        sb.Append($"<line class=\"goal\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{gy}\" y2=\"{gy}\"/>");
        // The goal's legend sits under the axis, where no bar label can cover it.
        var legendY = Height - 10;
        sb.Append($"<line class=\"goal\" x1=\"{Left}\" x2=\"{Left + 28}\" y1=\"{legendY - 5}\" y2=\"{legendY - 5}\"/>");
        sb.Append($"<text class=\"goal-label\" x=\"{Left + 34}\" y=\"{legendY}\">{Html.Escape(t["chart_goal"])} {Html.Escape(target.Goal.Symbol + " " + views.ValueText(target, target.Goal.Value))}</text>");
        sb.Append("</svg>");
        return sb.ToString();
    }

    private static decimal Nice(decimal v)
    {
        if (v <= 0) return 1;
        var p = (decimal)Math.Pow(10, Math.Floor(Math.Log10((double)v)));
        foreach (var m in new[] { 1m, 2m, 5m, 10m }) if (v <= m * p) return m * p;
        return 10 * p;
    }
}
