using CchcPortal.Core.Diagnostics;

namespace CchcPortal.Tests.Export;

/// <summary>Issue 37: the export's message says the period once ("báo cáo năm 2025", not "báo cáo Báo cáo năm 2025").</summary>
public class ExportMessageTests
{
    private static CchcRun.Result Export(string lang)
    {
        var output = Path.Combine(Repo.TempDir("export-message"), "nam.docx");
        return CchcRun.Run("export", "report", "--source", Repo.Root, "--plan", "2025", "--period", "nam", "--output", output, "--lang", lang);
    }

    [Fact]
    public void The_message_does_not_double_bao_cao_when_the_label_starts_with_it()
    {
        var vi = Export("vi");
        Assert.Equal(0, vi.Exit);
        Assert.Matches(@"^Đã xuất báo cáo năm 2025 vào .*nam\.docx \(\d+ KB\); 0 cảnh báo\.\n$", vi.Out);
        var en = Export("en");
        Assert.Matches(@"^Exported the report for năm 2025 to .*nam\.docx \(\d+ KB\); 0 warning\(s\)\.\n$", en.Out);
    }
}
