using DonDoc.Tracking.Workflow;

namespace DonDoc.Web.Common;

/// <summary>Uploaded form files as the evidence store reads them.</summary>
public static class FormFiles
{
    public static IEnumerable<IncomingFile> AsIncoming(this IEnumerable<IFormFile> files) =>
        files.Select(file => new IncomingFile(file.FileName, file.Length, file.OpenReadStream));
}
