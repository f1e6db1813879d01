using System.Text.Json.Nodes;
using Dray.Core.Manifests.Schema;

namespace Dray.Core.Tests.Manifests;

public sealed class JsonSchemaValidatorTests
{
    private const string Schema = """
        {
          "type": "object",
          "additionalProperties": false,
          "required": ["name"],
          "properties": {
            "name": {"type": "string", "minLength": 1, "maxLength": 5},
            "count": {"type": "integer", "minimum": 1, "maximum": 10},
            "ratio": {"type": ["number", "null"]},
            "mode": {"enum": ["Fast", "Slow"]},
            "fixed": {"const": "x"},
            "tags": {"type": "array", "minItems": 1, "maxItems": 2, "items": {"type": "string", "pattern": "^[a-z]+$"}},
            "labels": {"type": "object", "additionalProperties": {"type": "string"}},
            "config": {"type": "object", "x-kubernetes-preserve-unknown-fields": true, "additionalProperties": false},
            "child": {"$ref": "#/$defs/child"},
            "choice": {"oneOf": [
              {"type": "object", "required": ["a"], "properties": {"a": {"type": "string"}}},
              {"type": "object", "required": ["b"], "properties": {"b": {"type": "string"}}}
            ]}
          },
          "$defs": {
            "child": {"type": "object", "additionalProperties": false, "properties": {"repoURL": {"type": "string"}}}
          }
        }
        """;

    public static TheoryData<string, string, string> Invalid => new()
    {
        { """{}""", "name", "missing required field \"name\"" },
        { """{"name": ""}""", "name", "must have at least 1 character(s), got 0" },
        { """{"name": "toolong"}""", "name", "must have at most 5 character(s), got 7" },
        { """{"name": "a", "count": 1.5}""", "count", "expected an integer, got number 1.5" },
        { """{"name": "a", "count": 11}""", "count", "must be at most 10, got 11" },
        { """{"name": "a", "ratio": "half"}""", "ratio", "expected a number, got string \"half\"" },
        { """{"name": "a", "mode": "fast"}""", "mode", "invalid value string \"fast\": must be one of Fast, Slow (did you mean Fast?)" },
        { """{"name": "a", "fixed": "y"}""", "fixed", "must be \"x\", got string \"y\"" },
        { """{"name": "a", "tags": []}""", "tags", "must have at least 1 item(s), got 0" },
        { """{"name": "a", "tags": ["ok", "NO"]}""", "tags[1]", "\"NO\" does not match the pattern ^[a-z]+$" },
        { """{"name": "a", "labels": {"k": 1}}""", "labels.k", "expected a string, got number 1" },
        { """{"name": "a", "child": {"repoUrl": "x"}}""", "child.repoUrl", "unknown field \"repoUrl\" (did you mean repoURL?)" },
        { """{"name": "a", "choice": {"a": "x", "b": "y"}}""", "choice", "matches more than one of the allowed forms; set only one of them" },
        { """{"name": "a", "choice": {"c": 1}}""", "choice.a", "missing required field \"a\"" },
        { """{"name": "a", "zzz": 1}""", "zzz", "unknown field \"zzz\"; valid fields are name, count, ratio, mode, fixed, tags, labels, config, child, choice" },
        { """[]""", "", "expected an object, got a list" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Violations_name_the_path_and_the_problem(string instance, string path, string message)
    {
        var validator = new JsonSchemaValidator((JsonObject)JsonNode.Parse(Schema)!);

        var violation = validator.Validate(JsonNode.Parse(instance)).ShouldHaveSingleItem();

        violation.ShouldBe(new SchemaViolation(path, message));
    }

    [Fact]
    public void A_valid_instance_has_no_violations()
    {
        var validator = new JsonSchemaValidator((JsonObject)JsonNode.Parse(Schema)!);

        validator.Validate(JsonNode.Parse("""
            {"name": "a", "count": 3, "ratio": null, "mode": "Slow", "fixed": "x", "tags": ["a"],
             "labels": {"k": "v"}, "config": {"anything": {"goes": 1}}, "child": {"repoURL": "u"}, "choice": {"b": "y"}}
            """)).ShouldBeEmpty();
    }

    [Fact]
    public void Pattern_mismatches_can_be_left_to_a_more_specific_check()
    {
        var validator = new JsonSchemaValidator((JsonObject)JsonNode.Parse(Schema)!, skipPatternCheck: s => s.StartsWith('$'));

        validator.Validate(JsonNode.Parse("""{"name": "a", "tags": ["${X}"]}""")).ShouldBeEmpty();
    }
}
