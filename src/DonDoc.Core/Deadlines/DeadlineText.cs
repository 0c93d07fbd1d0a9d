using System.Text;
using DonDoc.Core.Text;

namespace DonDoc.Core.Deadlines;

internal enum TokenKind
{
    Word,
    Number,
    Slash,
    Dot,
    Dash,
    Comma,
    Semicolon,
    Colon,
    Open,
    Close,
    Other,
}

/// <summary>One word, number or sign of a deadline, as a span of its folded text.</summary>
/// <param name="SpaceBefore">Whether white space (or the start of the text) comes right before it.</param>
/// <param name="Value">A number's value, or -1 when it has more than nine digits.</param>
internal readonly record struct Token(TokenKind Kind, int Start, int Length, bool SpaceBefore, int Value)
{
    public int End => Start + Length;
}

/// <summary>
/// A deadline's text made ready for the grammar: invisible characters removed, compatibility forms
/// (NFD, full-width digits) composed, white space collapsed, then folded and cut into tokens. One pass
/// over the text each: linear in its length whatever it holds.
/// </summary>
internal sealed class DeadlineText
{
    private DeadlineText(string clean, string folded, Token[] tokens)
    {
        Clean = clean;
        Folded = folded;
        Tokens = tokens;
    }

    /// <summary>The text as printed, cleaned: what labels and triggers quote.</summary>
    public string Clean { get; }

    /// <summary><see cref="Clean"/> folded (lower case, no diacritics), character for character.</summary>
    public string Folded { get; }

    public Token[] Tokens { get; }

    public static DeadlineText Read(string text)
    {
        var clean = CleanUp(text);
        var folded = VietnameseText.Fold(clean);
        return new DeadlineText(clean, folded, Tokenize(folded));
    }

    /// <summary>Whether token <paramref name="index"/> is the word <paramref name="word"/>.</summary>
    public bool IsWord(int index, string word)
    {
        if ((uint)index >= (uint)Tokens.Length)
        {
            return false;
        }

        var token = Tokens[index];
        return token.Kind == TokenKind.Word && Folded.AsSpan(token.Start, token.Length).SequenceEqual(word);
    }

    /// <summary>Whether the tokens from <paramref name="index"/> are the words of <paramref name="words"/> (one word per entry).</summary>
    public bool AreWords(int index, string[] words)
    {
        for (var i = 0; i < words.Length; i++)
        {
            if (!IsWord(index + i, words[i]))
            {
                return false;
            }
        }

        return true;
    }

    public bool Is(int index, TokenKind kind) => (uint)index < (uint)Tokens.Length && Tokens[index].Kind == kind;

    /// <summary>A number token's value with at most <paramref name="maxDigits"/> digits, or -1.</summary>
    public int Number(int index, int maxDigits)
    {
        if ((uint)index >= (uint)Tokens.Length)
        {
            return -1;
        }

        var token = Tokens[index];
        return token.Kind == TokenKind.Number && token.Length <= maxDigits ? token.Value : -1;
    }

    /// <summary>A four-digit year token's value, or -1.</summary>
    public int Year(int index)
    {
        if ((uint)index >= (uint)Tokens.Length)
        {
            return -1;
        }

        var token = Tokens[index];
        return token.Kind == TokenKind.Number && token.Length == 4 ? token.Value : -1;
    }

    /// <summary>The cleaned text of tokens [from, to), trimmed of trailing punctuation.</summary>
    public string Printed(int from, int to)
    {
        if (to <= from)
        {
            return string.Empty;
        }

        var start = Tokens[from].Start;
        var end = Tokens[to - 1].End;
        return Clean[start..end].Trim().TrimEnd('.', ';', ',', ':', '(', '-');
    }

    private static string CleanUp(string text)
    {
        // Invisible characters out and the text composed, as everywhere (TextNormalizer); then
        // compatibility forms too (full-width digits "２０２５"), and white space collapsed.
        var composed = TextNormalizer.Normalize(text);
        if (!composed.IsNormalized(NormalizationForm.FormKC))
        {
            composed = composed.Normalize(NormalizationForm.FormKC);
        }

        return VietnameseText.CollapseWhiteSpace(composed);
    }

    private static Token[] Tokenize(string folded)
    {
        var tokens = new List<Token>(folded.Length / 3 + 1);
        var space = true;
        var i = 0;
        while (i < folded.Length)
        {
            var c = folded[i];
            if (char.IsWhiteSpace(c))
            {
                space = true;
                i++;
                continue;
            }

            var start = i;
            if (char.IsAsciiDigit(c))
            {
                var value = 0L;
                while (i < folded.Length && char.IsAsciiDigit(folded[i]))
                {
                    if (value <= int.MaxValue)
                    {
                        value = (value * 10) + (folded[i] - '0');
                    }

                    i++;
                }

                var length = i - start;
                tokens.Add(new Token(TokenKind.Number, start, length, space, length <= 9 ? (int)value : -1));
            }
            else if (char.IsLetter(c))
            {
                while (i < folded.Length && char.IsLetter(folded[i]))
                {
                    i++;
                }

                // "QuýIV/2025" printed without a space: the quarter word and its number.
                var length = i - start;
                var word = folded.AsSpan(start, length);
                if (length > 3 && (word.StartsWith("quy") || word.StartsWith("qui")) && IsRoman(word[3..]))
                {
                    tokens.Add(new Token(TokenKind.Word, start, 3, space, -1));
                    tokens.Add(new Token(TokenKind.Word, start + 3, length - 3, false, -1));
                }
                else
                {
                    tokens.Add(new Token(TokenKind.Word, start, length, space, -1));
                }
            }
            else
            {
                var kind = c switch
                {
                    '/' or '\\' => TokenKind.Slash,
                    '.' => TokenKind.Dot,
                    '-' or '–' or '—' or '‐' or '‑' or '‒' or '−' or '~' => TokenKind.Dash,
                    ',' => TokenKind.Comma,
                    ';' => TokenKind.Semicolon,
                    ':' => TokenKind.Colon,
                    '(' or '[' => TokenKind.Open,
                    ')' or ']' => TokenKind.Close,
                    _ => TokenKind.Other,
                };
                tokens.Add(new Token(kind, start, 1, space, -1));
                i++;
            }

            space = false;
        }

        return [.. tokens];
    }

    private static bool IsRoman(ReadOnlySpan<char> word) => word is "i" or "ii" or "iii" or "iv";
}
