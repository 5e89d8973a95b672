using CchcPortal.Core.Diagnostics;
using CchcPortal.Core.Loading;

namespace CchcPortal.Core.Validation;

/// <summary>A translation is stale when its Vietnamese source was committed after it (by git time); a warning.</summary>
public static class StaleTranslations
{
    public static void Check(IEnumerable<ContentFile> translations, GitHistory history, DiagnosticBag bag)
    {
        foreach (var t in translations)
        {
            if (history.TimeOf(t.SourceRelPath) is not { } source || history.TimeOf(t.RelPath) is not { } translated || source <= translated) continue;
            bag.Add(Diagnostic.StaleTranslation(t.RelPath, t.SourceRelPath, source, translated));
        }
    }
}
