using System.Globalization;
using System.Text;

namespace Dray.Core.Expressions.Syntax;

/// <summary>A single- or double-quoted string literal with Go's escape sequences.</summary>
internal sealed class StringLiteral
{
    private readonly string _text;
    private int _pos;

    private StringLiteral(string text, int start)
    {
        _text = text;
        _pos = start;
    }

    /// <summary>Reads the quoted literal starting at <paramref name="start"/>; returns its value and the index after it.</summary>
    public static (string Value, int End) Read(string text, int start)
    {
        var reader = new StringLiteral(text, start);
        return (reader.ReadQuoted(), reader._pos);
    }

    private string ReadQuoted()
    {
        var start = _pos;
        var quote = _text[_pos];
        _pos++;
        var sb = new StringBuilder();
        while (true)
        {
            if (_pos >= _text.Length || _text[_pos] == '\n')
            {
                throw Error("unterminated string literal", start);
            }

            var c = _text[_pos];
            if (c == quote)
            {
                _pos++;
                return sb.ToString();
            }

            if (c != '\\')
            {
                sb.Append(c);
                _pos++;
                continue;
            }

            if (_pos + 1 >= _text.Length)
            {
                throw Error("unterminated string literal", start);
            }

            var escapeAt = _pos;
            var e = _text[_pos + 1];
            _pos += 2;
            switch (e)
            {
                case 'a': sb.Append('\a'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'v': sb.Append('\v'); break;
                case '\\': sb.Append('\\'); break;
                case '\'': sb.Append('\''); break;
                case '"': sb.Append('"'); break;
                case 'x': AppendCodePoint(sb, ReadHex(2, escapeAt), escapeAt); break;
                case 'u': AppendCodePoint(sb, ReadHex(4, escapeAt), escapeAt); break;
                case 'U': AppendCodePoint(sb, ReadHex(8, escapeAt), escapeAt); break;
                case >= '0' and <= '7':
                    _pos--;
                    AppendCodePoint(sb, ReadOctal(escapeAt), escapeAt);
                    break;
                default:
                    throw Error($"invalid escape sequence '\\{e}'", escapeAt);
            }
        }
    }

    private int ReadHex(int count, int escapeAt)
    {
        if (_pos + count > _text.Length ||
            !int.TryParse(_text.AsSpan(_pos, count), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var v) ||
            v < 0)
        {
            throw Error("invalid escape sequence", escapeAt);
        }

        _pos += count;
        return v;
    }

    private int ReadOctal(int escapeAt)
    {
        var v = 0;
        for (var i = 0; i < 3; i++)
        {
            if (_pos >= _text.Length || _text[_pos] < '0' || _text[_pos] > '7')
            {
                throw Error("invalid escape sequence", escapeAt);
            }

            v = (v * 8) + (_text[_pos] - '0');
            _pos++;
        }

        return v > 255 ? throw Error("octal escape value > 255", escapeAt) : v;
    }

    private void AppendCodePoint(StringBuilder sb, int cp, int escapeAt)
    {
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        {
            throw Error("escape sequence is invalid Unicode code point", escapeAt);
        }

        sb.Append(char.ConvertFromUtf32(cp));
    }

    private ExpressionException Error(string reason, int position) => new(reason, _text, position + 1);
}
