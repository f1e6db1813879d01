namespace Dray.Core.Tests.Expressions;

/// <summary>
/// The examples of expr-lang's "Language Definition" page (docs/language-definition.md of expr-lang/expr, the
/// section named in each comment), with the value the page states.
/// </summary>
public sealed class ExprDocExamplesTests
{
    [Theory]
    // Literals
    [InlineData("42", "int:42")]
    [InlineData("0x2A", "int:42")]
    [InlineData("0o52", "int:42")]
    [InlineData("0b101010", "int:42")]
    [InlineData("0.5", "float:0.5")]
    [InlineData(".5", "float:0.5")]
    [InlineData("1_000_000", "int:1000000")]
    [InlineData("\"foo\"", "\"foo\"")]
    [InlineData("'bar'", "\"bar\"")]
    [InlineData("[1, 2, 3]", "[int:1, int:2, int:3]")]
    [InlineData("{a: 1, b: 2, c: 3}", "{a: int:1, b: int:2, c: int:3}")]
    [InlineData("nil", "nil")]
    [InlineData("true", "true")]
    // Literals / Strings: escapes, and backticks are raw
    [InlineData("\"Hello\\nWorld\"", "\"Hello\nWorld\"")]
    [InlineData("\"\\u263A\"", "\"\u263A\"")]
    [InlineData("`Hello\\nWorld`", "\"Hello\\nWorld\"")]
    // Literals / Comment
    [InlineData("1 /* two */ + 2 // three", "int:3")]
    // Operators / Membership Operator
    [InlineData("\"John\" in [\"John\", \"Jane\"]", "true")]
    [InlineData("\"name\" in {\"name\": \"John\", \"age\": 30}", "true")]
    [InlineData("[1, 2, 3][-1]", "int:3")]
    // Operators / Slice Operator, with array = [1, 2, 3, 4, 5]
    [InlineData("let array = [1, 2, 3, 4, 5]; array[1:4] == [2, 3, 4]", "true")]
    [InlineData("let array = [1, 2, 3, 4, 5]; array[1:-1] == [2, 3, 4]", "true")]
    [InlineData("let array = [1, 2, 3, 4, 5]; array[:3] == [1, 2, 3]", "true")]
    [InlineData("let array = [1, 2, 3, 4, 5]; array[3:] == [4, 5]", "true")]
    [InlineData("let array = [1, 2, 3, 4, 5]; array[:] == array", "true")]
    // Operators / Pipe Operator
    [InlineData("\"Foo Bar\" | lower() | split(\" \")", "[\"foo\", \"bar\"]")]
    // Operators / Range Operator
    [InlineData("1..3 == [1, 2, 3]", "true")]
    [InlineData("1..3", "[int:1, int:2, int:3]")]
    // Variables
    [InlineData("let x = 42; x * 2", "int:84")]
    [InlineData("let x = 42; let y = 2; x * y", "int:84")]
    [InlineData("let name = \"John Smith\" | lower() | split(\" \"); \"Hello, \" + name[0] + \"!\"", "\"Hello, john!\"")]
    // Predicate
    [InlineData("filter(0..9, {# % 2 == 0})", "[int:0, int:2, int:4, int:6, int:8]")]
    // String Functions
    [InlineData("trim(\"  Hello  \")", "\"Hello\"")]
    [InlineData("trim(\"__Hello__\", \"_\")", "\"Hello\"")]
    [InlineData("trimPrefix(\"HelloWorld\", \"Hello\")", "\"World\"")]
    [InlineData("trimSuffix(\"HelloWorld\", \"World\")", "\"Hello\"")]
    [InlineData("upper(\"hello\")", "\"HELLO\"")]
    [InlineData("lower(\"HELLO\")", "\"hello\"")]
    [InlineData("split(\"apple,orange,grape\", \",\")", "[\"apple\", \"orange\", \"grape\"]")]
    [InlineData("split(\"apple,orange,grape\", \",\", 2)", "[\"apple\", \"orange,grape\"]")]
    [InlineData("splitAfter(\"apple,orange,grape\", \",\")", "[\"apple,\", \"orange,\", \"grape\"]")]
    [InlineData("splitAfter(\"apple,orange,grape\", \",\", 2)", "[\"apple,\", \"orange,grape\"]")]
    [InlineData("replace(\"Hello World\", \"World\", \"Universe\")", "\"Hello Universe\"")]
    [InlineData("repeat(\"Hi\", 3)", "\"HiHiHi\"")]
    [InlineData("indexOf(\"apple pie\", \"pie\")", "int:6")]
    [InlineData("lastIndexOf(\"apple pie apple\", \"apple\")", "int:10")]
    [InlineData("hasPrefix(\"HelloWorld\", \"Hello\")", "true")]
    [InlineData("hasSuffix(\"HelloWorld\", \"World\")", "true")]
    // Number Functions
    [InlineData("max(5, 7)", "int:7")]
    [InlineData("min(5, 7)", "int:5")]
    [InlineData("abs(-5)", "int:5")]
    [InlineData("ceil(1.5)", "float:2")]
    [InlineData("floor(1.5)", "float:1")]
    [InlineData("round(1.5)", "float:2")]
    // Array Functions
    [InlineData("find([1, 2, 3, 4], # > 2)", "int:3")]
    [InlineData("findIndex([1, 2, 3, 4], # > 2)", "int:2")]
    [InlineData("findLast([1, 2, 3, 4], # > 2)", "int:4")]
    [InlineData("findLastIndex([1, 2, 3, 4], # > 2)", "int:3")]
    [InlineData("count([true, false, true])", "int:2")]
    [InlineData("concat([1, 2], [3, 4])", "[int:1, int:2, int:3, int:4]")]
    [InlineData("flatten([1, 2, [3, 4]])", "[int:1, int:2, int:3, int:4]")]
    [InlineData("uniq([1, 2, 3, 2, 1])", "[int:1, int:2, int:3]")]
    [InlineData("join([\"apple\", \"orange\", \"grape\"], \",\")", "\"apple,orange,grape\"")]
    [InlineData("join([\"apple\", \"orange\", \"grape\"])", "\"appleorangegrape\"")]
    [InlineData("reduce(1..9, #acc + #)", "int:45")]
    [InlineData("reduce(1..9, #acc + #, 0)", "int:45")]
    [InlineData("sum([1, 2, 3])", "int:6")]
    [InlineData("mean([1, 2, 3])", "float:2")]
    [InlineData("median([1, 2, 3])", "float:2")]
    [InlineData("first([1, 2, 3])", "int:1")]
    [InlineData("last([1, 2, 3])", "int:3")]
    [InlineData("take([1, 2, 3, 4], 2)", "[int:1, int:2]")]
    [InlineData("reverse([3, 1, 4])", "[int:4, int:1, int:3]")]
    [InlineData("reverse(reverse([3, 1, 4]))", "[int:3, int:1, int:4]")]
    [InlineData("sort([3, 1, 4])", "[int:1, int:3, int:4]")]
    [InlineData("sort([3, 1, 4], \"desc\")", "[int:4, int:3, int:1]")]
    // Map Functions
    [InlineData("keys({\"name\": \"John\", \"age\": 30})", "[\"name\", \"age\"]")]
    [InlineData("values({\"name\": \"John\", \"age\": 30})", "[\"John\", int:30]")]
    // Type Conversion Functions
    [InlineData("type(42)", "\"int\"")]
    [InlineData("type(\"hello\")", "\"string\"")]
    [InlineData("int(\"123\")", "int:123")]
    [InlineData("float(\"123.45\")", "float:123.45")]
    [InlineData("string(123)", "\"123\"")]
    [InlineData("toBase64(\"Hello World\")", "\"SGVsbG8gV29ybGQ=\"")]
    [InlineData("fromBase64(\"SGVsbG8gV29ybGQ=\")", "\"Hello World\"")]
    [InlineData("toPairs({\"name\": \"John\", \"age\": 30})", "[[\"name\", \"John\"], [\"age\", int:30]]")]
    [InlineData("fromPairs([[\"name\", \"John\"], [\"age\", 30]]) == {\"name\": \"John\", \"age\": 30}", "true")]
    // Miscellaneous Functions
    [InlineData("len([1, 2, 3])", "int:3")]
    [InlineData("len({\"name\": \"John\", \"age\": 30})", "int:2")]
    [InlineData("len(\"Hello\")", "int:5")]
    [InlineData("get([1, 2, 3], 1)", "int:2")]
    [InlineData("get({\"name\": \"John\", \"age\": 30}, \"name\")", "\"John\"")]
    [InlineData("get([1, 2, 3], 7)", "nil")]
    // Bitwise Functions
    [InlineData("bitand(0b1010, 0b1100) == 0b1000", "true")]
    [InlineData("bitor(0b1010, 0b1100) == 0b1110", "true")]
    [InlineData("bitxor(0b1010, 0b1100) == 0b110", "true")]
    [InlineData("bitnand(0b1010, 0b1100) == 0b10", "true")]
    [InlineData("bitnot(0b1010) == -0b1011", "true")]
    [InlineData("bitshl(0b101101, 2) == 0b10110100", "true")]
    [InlineData("bitshr(0b101101, 2) == 0b1011", "true")]
    [InlineData("bitushr(-0b101, 2)", "int:4611686018427387902")]
    public void Documented_example_evaluates_to_the_documented_value(string expression, string expected) =>
        Expr.Typed(expression).ShouldBe(expected);
}
