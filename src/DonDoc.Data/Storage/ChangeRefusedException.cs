namespace DonDoc.Data.Storage;

/// <summary>A change the data layer refused, with a Vietnamese message for the user and an English one for the log; nothing was stored.</summary>
public abstract class ChangeRefusedException(string vietnamese, string english) : Exception(english)
{
    public string Vietnamese { get; } = vietnamese;
}
