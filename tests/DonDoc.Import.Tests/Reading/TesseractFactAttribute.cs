using DonDoc.Import.Reading;

namespace DonDoc.Import.Tests.Reading;

/// <summary>A test that needs Tesseract and pdftoppm on PATH (CI installs them); skipped, saying so, where they are absent.</summary>
public sealed class TesseractFactAttribute : FactAttribute
{
    public TesseractFactAttribute()
    {
        if (PageRecognizer.FromPath() is null)
        {
            Skip = "tesseract or pdftoppm is not on PATH (apt-get install tesseract-ocr tesseract-ocr-vie poppler-utils)";
        }
    }
}
