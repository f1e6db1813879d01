using System.Globalization;
using System.Text;

namespace Dray.Core.Expressions.Syntax;

/// <summary>Turns expression text into tokens, following expr-lang's lexical rules.</summary>
internal sealed class Lexer
{
    private static readonly HashSet<string> WordOperators = new(StringComparer.Ordinal)
    {
        "and", "or", "not", "in", "matches", "contains", "startsWith", "endsWith", "let",
    };

    // Longest first, so "**" wins over "*" and "?." over "?".
    private static readonly string[] Symbols =
    [
        "**", "==", "!=", "<=", ">=", "&&", "||", "??", "?.", "..",
        "+", "-", "*", "/", "%", "^", "<", ">", "!", "?", ":", ".", ",", "|", "#", ";", "=",
    ];

    private readonly string _text;
    private int _pos;

    private Lexer(string text) => _text = text;

    public static List<Token> Tokenize(string text)
    {
        var lexer = new Lexer(text);
        var tokens = new List<Token>();
        while (true)
        {
            var token = lexer.Next();
            tokens.Add(token);
            if (token.Kind == TokenKind.End)
            {
                return tokens;
            }
        }
    }

    private Token Next()
    {
        SkipTrivia();
        if (_pos >= _text.Length)
        {
            return new Token(TokenKind.End, "", _text.Length);
        }

        var start = _pos;
        var c = _text[_pos];
        if (char.IsAsciiDigit(c) || (c == '.' && _pos + 1 < _text.Length && char.IsAsciiDigit(_text[_pos + 1])))
        {
            return LexNumber(start);
        }

        if (c is '"' or '\'')
        {
            var (value, end) = StringLiteral.Read(_text, _pos);
            _pos = end;
            return new Token(TokenKind.String, value, start);
        }

        if (c == '`')
        {
            var end = _text.IndexOf('`', _pos + 1);
            if (end < 0)
            {
                throw Error("unterminated string literal", start);
            }

            _pos = end + 1;
            return new Token(TokenKind.String, _text[(start + 1)..end], start);
        }

        if (IsIdentStart(c))
        {
            _pos++;
            while (_pos < _text.Length && IsIdentPart(_text[_pos]))
            {
                _pos++;
            }

            var word = _text[start.._pos];
            return new Token(WordOperators.Contains(word) ? TokenKind.Operator : TokenKind.Identifier, word, start);
        }

        if (c is '(' or ')' or '[' or ']' or '{' or '}')
        {
            _pos++;
            return new Token(TokenKind.Bracket, c.ToString(), start);
        }

        foreach (var symbol in Symbols)
        {
            if (string.CompareOrdinal(_text, _pos, symbol, 0, symbol.Length) == 0)
            {
                _pos += symbol.Length;
                return new Token(TokenKind.Operator, symbol, start);
            }
        }

        throw Error($"unrecognized character '{c}'", start);
    }

    private void SkipTrivia()
    {
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (char.IsWhiteSpace(c))
            {
                _pos++;
            }
            else if (c == '/' && _pos + 1 < _text.Length && _text[_pos + 1] == '/')
            {
                var end = _text.IndexOf('\n', _pos);
                _pos = end < 0 ? _text.Length : end + 1;
            }
            else if (c == '/' && _pos + 1 < _text.Length && _text[_pos + 1] == '*')
            {
                var end = _text.IndexOf("*/", _pos + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    throw Error("unterminated comment", _pos);
                }

                _pos = end + 2;
            }
            else
            {
                return;
            }
        }
    }

    private Token LexNumber(int start)
    {
        if (_text[_pos] == '0' && _pos + 1 < _text.Length && "xXoObB".Contains(_text[_pos + 1], StringComparison.Ordinal))
        {
            var radixChar = char.ToLowerInvariant(_text[_pos + 1]);
            _pos += 2;
            var digitsStart = _pos;
            while (_pos < _text.Length && (char.IsAsciiLetterOrDigit(_text[_pos]) || _text[_pos] == '_'))
            {
                _pos++;
            }

            var digits = _text[digitsStart.._pos].Replace("_", "", StringComparison.Ordinal);
            var radix = radixChar switch { 'x' => 16, 'o' => 8, _ => 2 };
            return new Token(TokenKind.Integer, _text[start.._pos], start, ParseRadix(digits, radix, start));
        }

        var isFloat = false;
        ReadDigits();
        // "1..3" is a range: a dot followed by another dot is not a decimal point.
        if (_pos + 1 < _text.Length && _text[_pos] == '.' && char.IsAsciiDigit(_text[_pos + 1]))
        {
            isFloat = true;
            _pos++;
            ReadDigits();
        }
        else if (_pos < _text.Length && _text[_pos] == '.' && start == _pos)
        {
            isFloat = true;
        }

        if (_pos < _text.Length && (_text[_pos] == 'e' || _text[_pos] == 'E'))
        {
            var save = _pos;
            _pos++;
            if (_pos < _text.Length && (_text[_pos] == '+' || _text[_pos] == '-'))
            {
                _pos++;
            }

            if (_pos < _text.Length && char.IsAsciiDigit(_text[_pos]))
            {
                isFloat = true;
                ReadDigits();
            }
            else
            {
                _pos = save;
            }
        }

        if (_pos < _text.Length && IsIdentStart(_text[_pos]))
        {
            throw Error($"invalid number literal '{_text[start..(_pos + 1)]}'", start);
        }

        var text = _text[start.._pos];
        var clean = text.Replace("_", "", StringComparison.Ordinal);
        if (isFloat)
        {
            if (!double.TryParse(clean, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || double.IsInfinity(d))
            {
                throw Error($"invalid float literal '{text}'", start);
            }

            return new Token(TokenKind.Float, text, start, d);
        }

        if (!long.TryParse(clean, NumberStyles.None, CultureInfo.InvariantCulture, out var l))
        {
            throw Error($"integer literal '{text}' is too large", start);
        }

        return new Token(TokenKind.Integer, text, start, l);
    }

    private void ReadDigits()
    {
        while (_pos < _text.Length && (char.IsAsciiDigit(_text[_pos]) || (_text[_pos] == '_' && _pos > 0 && char.IsAsciiDigit(_text[_pos - 1]))))
        {
            _pos++;
        }
    }

    private long ParseRadix(string digits, int radix, int start)
    {
        if (digits.Length == 0)
        {
            throw Error("invalid number literal", start);
        }

        ulong value = 0;
        foreach (var ch in digits)
        {
            var d = char.IsAsciiDigit(ch) ? ch - '0' : char.IsAsciiLetter(ch) ? char.ToLowerInvariant(ch) - 'a' + 10 : 99;
            if (d >= radix)
            {
                throw Error($"invalid digit '{ch}' in number literal", start);
            }

            if (value > (ulong.MaxValue - (ulong)d) / (ulong)radix)
            {
                throw Error("integer literal is too large", start);
            }

            value = (value * (ulong)radix) + (ulong)d;
        }

        return value > long.MaxValue ? throw Error("integer literal is too large", start) : (long)value;
    }

    private static bool IsIdentStart(char c) => char.IsLetter(c) || c == '_' || c == '$';

    private static bool IsIdentPart(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '$';

    private ExpressionException Error(string reason, int position) => new(reason, _text, position + 1);
}
