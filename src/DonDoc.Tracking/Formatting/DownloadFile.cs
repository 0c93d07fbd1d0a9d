namespace DonDoc.Tracking.Formatting;

/// <summary>A file the app hands to a person or a client (a report, an export): its bytes, media type and the name it downloads as.</summary>
public sealed record DownloadFile(byte[] Content, string ContentType, string FileName);
