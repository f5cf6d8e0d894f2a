using LogTriage.Parsing;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace LogTriage.Rules;

/// <summary>
/// Reads one rule file into cause and rule definitions. Structure and types are checked here,
/// with positions; relations between rules are checked by <see cref="RuleSetValidator"/>.
/// </summary>
internal sealed class RuleFileReader
{
    private static readonly string[] FileKeys = ["causes", "rules", "scoring"];
    private static readonly string[] ScoringKeys = ["severity-weights", "explained-penalty", "volume-damping", "breadth-weight", "first-bonus", "max-single-signal-confidence", "context-share", "why"];
    private static readonly string[] UnlessKeys = ["rules", "before", "after", "between", "same"];
    private static readonly string[] ExceptionKeys = ["name", "fields"];
    private static readonly string[] AmendmentKeys = ["id", "exceptions"];
    private static readonly string[] CauseKeys = ["id", "title", "summary", "diagnosis", "fix", "why"];
    private static readonly string[] RuleKeys = ["id", "cause", "title", "severity", "confidence", "source", "when", "threshold", "sequence", "explains", "unless", "exceptions", "identifies", "examples", "disabled"];
    private static readonly string[] SequenceKeys = ["first", "then", "within", "same"];
    private static readonly string[] WhenKeys = ["level", "kind", "message", "text", "unless", "where"];
    private static readonly string[] TextKeys = ["contains", "regex"];
    private static readonly string[] ThresholdKeys = ["rule", "count", "within", "per"];
    private static readonly string[] ExplainsKeys = ["causes", "within", "same"];
    private static readonly string[] ExampleKeys = ["match", "no-match"];

    public RuleFileContent Read(string file, TextReader text)
    {
        var errors = new List<RuleError>();
        var causes = new List<CauseDefinition>();
        var rules = new List<RuleDefinition>();
        var disabled = new List<(string, SourceLocation)>();
        var amendments = new List<RuleAmendment>();
        ScoringDefinition? scoring = null;
        var nodes = new YamlNodes(file, errors);

        var stream = new YamlStream();
        try
        {
            stream.Load(text);
        }
        catch (YamlException e)
        {
            errors.Add(new RuleError(new SourceLocation(file, e.Start.Line, e.Start.Column), "YAML syntax: " + InnermostMessage(e)));
            return new RuleFileContent(causes, rules, errors);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or NotSupportedException or OverflowException)
        {
            // YamlDotNet's scanner gives up on some malformed input without a position (found by the fuzz tests).
            errors.Add(new RuleError(new SourceLocation(file, 1, 1), "YAML syntax: the file could not be read: " + e.Message));
            return new RuleFileContent(causes, rules, errors);
        }


        foreach (var document in stream.Documents)
        {
            // A plain list of rules is the commonest first attempt; say what the file needs instead.
            if (document.RootNode is YamlSequenceNode)
            {
                nodes.Error(document.RootNode, "a rule file is a mapping, not a plain list: put the list under a 'rules:' key (rules: then its '- id: ...' items, indented)");
                continue;
            }
            var top = nodes.Mapping(document.RootNode, "a rule file", FileKeys);
            if (top is null)
                continue;
            if (top.TryGetValue("causes", out var causeList))
                foreach (var item in Sequence(nodes, causeList, "causes"))
                    if (ReadCause(nodes, item) is { } cause)
                        causes.Add(cause);
            if (top.TryGetValue("scoring", out var scoringNode))
                scoring = ReadScoring(nodes, scoringNode);
            if (top.TryGetValue("rules", out var ruleList))
                foreach (var item in Sequence(nodes, ruleList, "rules"))
                    if (ReadDisabled(nodes, item) is { } off)
                        disabled.Add((off, nodes.At(item)));
                    else if (IsAmendment(item))
                    {
                        if (ReadAmendment(nodes, item) is { } amendment)
                            amendments.Add(amendment);
                    }
                    else if (ReadRule(nodes, item) is { } rule)
                        rules.Add(rule);
        }
        return new RuleFileContent(causes, rules, errors) { Disabled = disabled, Amendments = amendments, Scoring = scoring };
    }

    private static string InnermostMessage(Exception e)
    {
        while (e.InnerException is not null)
            e = e.InnerException;
        return e.Message;
    }

    private static IEnumerable<YamlNode> Sequence(YamlNodes nodes, YamlNode node, string what)
    {
        if (node is YamlSequenceNode sequence)
            return sequence.Children;
        nodes.Error(node, $"'{what}' must be a list");
        return [];
    }

    /// <summary><c>{ id: X, disabled: true }</c> turns off rule X of an earlier directory.</summary>
    private static string? ReadDisabled(YamlNodes nodes, YamlNode node)
    {
        if (node is not YamlMappingNode mapping
            || !mapping.Children.TryGetValue(new YamlScalarNode("disabled"), out var flag))
            return null;
        var map = nodes.Mapping(node, "a disabled rule", ["id", "disabled"]);
        var id = map is null ? null : nodes.String(map, "id", node, required: true);
        if (flag is not YamlScalarNode { Value: "true" or "false" } value)
        {
            nodes.Error(flag, "'disabled' must be true or false");
            return null;
        }
        return value.Value == "true" ? id : null;
    }

    /// <summary><c>{ id: X, exceptions: [...] }</c> adds exceptions to rule X of an earlier directory.</summary>
    private static bool IsAmendment(YamlNode node) =>
        node is YamlMappingNode mapping
        && mapping.Children.ContainsKey(new YamlScalarNode("exceptions"))
        && mapping.Children.Keys.All(k => k is YamlScalarNode { Value: "id" or "exceptions" });

    private static RuleAmendment? ReadAmendment(YamlNodes nodes, YamlNode node)
    {
        var map = nodes.Mapping(node, "an amendment", AmendmentKeys);
        var id = map is null ? null : nodes.String(map, "id", node, required: true);
        if (map is null || id is null)
            return null;
        return new RuleAmendment(id, ReadExceptions(nodes, map["exceptions"]), nodes.At(node));
    }

    private static IReadOnlyList<RuleException> ReadExceptions(YamlNodes nodes, YamlNode node)
    {
        var result = new List<RuleException>();
        foreach (var item in Sequence(nodes, node, "exceptions"))
        {
            var map = nodes.Mapping(item, "an exception", ExceptionKeys);
            if (map is null)
                continue;
            var name = nodes.String(map, "name", item, required: true);
            if (!map.TryGetValue("fields", out var fieldsNode) || fieldsNode is not YamlMappingNode fields || fields.Children.Count == 0)
            {
                nodes.Error(item, "an exception needs 'fields': a mapping of key or field names to values");
                continue;
            }
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, value) in fields.Children)
            {
                if (key is not YamlScalarNode { Value: { } k } || value is not YamlScalarNode { Value: { } v })
                {
                    nodes.Error(key, "exception fields are 'name: value' pairs of plain text");
                    continue;
                }
                values[k] = v;
            }
            if (name is not null)
                result.Add(new RuleException(name, values));
        }
        return result;
    }

    private static ScoringDefinition? ReadScoring(YamlNodes nodes, YamlNode node)
    {
        var map = nodes.Mapping(node, "'scoring'", ScoringKeys);
        if (map is null)
            return null;
        var d = ScoringDefinition.Default;
        var weights = new Dictionary<Severity, double>(d.SeverityWeights);
        if (map.TryGetValue("severity-weights", out var weightNode) && nodes.Mapping(weightNode, "'severity-weights'", ["critical", "error", "warning", "info"]) is { } w)
            foreach (var severity in Enum.GetValues<Severity>())
                if (nodes.Number(w, severity.ToString().ToLowerInvariant()) is { } value)
                    weights[severity] = value;
        return new ScoringDefinition(
            weights,
            Fraction(nodes, map, "explained-penalty") ?? d.ExplainedPenalty,
            Fraction(nodes, map, "volume-damping") ?? d.VolumeDamping,
            Fraction(nodes, map, "breadth-weight") ?? d.BreadthWeight,
            Fraction(nodes, map, "first-bonus") ?? d.FirstBonus,
            Fraction(nodes, map, "max-single-signal-confidence") ?? d.MaxSingleSignalConfidence,
            Fraction(nodes, map, "context-share") ?? d.ContextShare);
    }

    private static double? Fraction(YamlNodes nodes, Dictionary<string, YamlNode> map, string key)
    {
        var value = nodes.Number(map, key);
        if (value is < 0 or > 1)
        {
            nodes.Error(map[key], $"'{key}' must be between 0 and 1");
            return null;
        }
        return value;
    }

    private static CauseDefinition? ReadCause(YamlNodes nodes, YamlNode node)
    {
        var map = nodes.Mapping(node, "a cause", CauseKeys);
        if (map is null)
            return null;
        var id = nodes.String(map, "id", node, required: true);
        var title = nodes.String(map, "title", node, required: true);
        var summary = nodes.String(map, "summary", node, required: true);
        var diagnosis = nodes.String(map, "diagnosis", node, required: true);
        var fix = nodes.Strings(map, "fix");
        if (fix.Count == 0)
            nodes.Error(node, "a cause needs at least one 'fix' step");
        var why = nodes.String(map, "why", node, required: false);
        if (id is null || title is null || summary is null || diagnosis is null)
            return null;
        return new CauseDefinition(id, title.Trim(), summary.Trim(), diagnosis.Trim(), fix.Select(f => f.Trim()).ToList(), why?.Trim(), nodes.At(node));
    }

    private static RuleDefinition? ReadRule(YamlNodes nodes, YamlNode node)
    {
        var map = nodes.Mapping(node, "a rule", RuleKeys);
        if (map is null)
            return null;
        var id = nodes.String(map, "id", node, required: true);
        var cause = nodes.String(map, "cause", node, required: true);
        var title = nodes.String(map, "title", node, required: false) ?? id;
        var severity = ReadEnum(nodes, map, "severity", Severity.Warning);
        var source = ReadEnum(nodes, map, "source", RuleSource.Any);
        var confidence = nodes.Number(map, "confidence") ?? DefaultConfidence(severity);
        if (confidence is < 0 or > 1)
            nodes.Error(map["confidence"], "'confidence' must be between 0 and 1");

        EventCondition? when = map.TryGetValue("when", out var whenNode) ? ReadWhen(nodes, whenNode) : null;
        ThresholdCondition? threshold = map.TryGetValue("threshold", out var thresholdNode) ? ReadThreshold(nodes, thresholdNode) : null;
        SequenceCondition? sequence = map.TryGetValue("sequence", out var sequenceNode) ? ReadSequence(nodes, sequenceNode) : null;
        ExplainsRelation? explains = map.TryGetValue("explains", out var explainsNode) ? ReadExplains(nodes, explainsNode) : null;
        var examples = map.TryGetValue("examples", out var examplesNode) ? ReadExamples(nodes, examplesNode) : RuleExamples.None;
        // One condition, or a list of them (any one vetoes the rule).
        var unless = !map.TryGetValue("unless", out var unlessNode) ? []
            : unlessNode is YamlSequenceNode list ? list.Children.Select(c => ReadUnless(nodes, c)).OfType<UnlessCondition>().ToList()
            : ReadUnless(nodes, unlessNode) is { } one ? [one] : new List<UnlessCondition>();
        var exceptions = map.TryGetValue("exceptions", out var exceptionsNode) ? ReadExceptions(nodes, exceptionsNode) : [];
        var identifies = nodes.Strings(map, "identifies");
        foreach (var kind in identifies.Where(k => k is not ("client" or "account" or "user")))
            nodes.Error(map["identifies"], $"'identifies' names key kinds a log line can declare: client, account or user (not '{kind}')");
        if (unless.Any(u => u.Between) && sequenceNode is null)
            nodes.Error(unlessNode!, "'between' needs a sequence rule: it means between the sequence's two halves");

        var shapes = new[] { whenNode, thresholdNode, sequenceNode }.Count(n => n is not null);
        if (shapes > 1)
            nodes.Error(node, "a rule has one of 'when', 'threshold' or 'sequence', not several");
        else if (shapes == 0)
            nodes.Error(node, "a rule needs 'when' (a single-event rule), 'threshold' or 'sequence'");

        if (id is null || cause is null || shapes != 1 || (when is null && threshold is null && sequence is null))
            return null;
        return new RuleDefinition(id, cause, title!.Trim(), severity, confidence, source, when, threshold, sequence, explains, examples, nodes.At(node))
        {
            Unless = unless,
            Exceptions = exceptions,
            Identifies = identifies,
        };
    }

    private static double DefaultConfidence(Severity severity) => severity switch
    {
        Severity.Critical => 0.9,
        Severity.Error => 0.75,
        Severity.Warning => 0.5,
        _ => 0.25,
    };

    private static T ReadEnum<T>(YamlNodes nodes, Dictionary<string, YamlNode> map, string key, T fallback) where T : struct, Enum
    {
        if (!map.TryGetValue(key, out var node))
            return fallback;
        var text = (node as YamlScalarNode)?.Value;
        if (text is not null && Enum.TryParse<T>(text, ignoreCase: true, out var value) && !char.IsAsciiDigit(text[0]))
            return value;
        nodes.Error(node, $"'{key}' must be one of: {string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}");
        return fallback;
    }

    private static EventCondition? ReadWhen(YamlNodes nodes, YamlNode node)
    {
        var map = nodes.Mapping(node, "'when'", WhenKeys);
        if (map is null)
            return null;

        var levels = new List<LogLevel>();
        foreach (var name in nodes.Strings(map, "level"))
        {
            if (LogLevelNames.TryParse(name, out var level))
                levels.Add(level);
            else
                nodes.Error(map["level"], $"unknown level '{name}' (expected TRC, DBG, INF, WRN, ERR or FTL)");
        }

        var kinds = new List<ConnectionKind>();
        foreach (var name in nodes.Strings(map, "kind"))
        {
            if (Enum.TryParse<ConnectionKind>(name, ignoreCase: true, out var kind) && !char.IsAsciiDigit(name[0]))
                kinds.Add(kind);
            else
                nodes.Error(map["kind"], $"unknown connection kind '{name}' (expected {string.Join(", ", Enum.GetNames<ConnectionKind>().Select(n => n.ToLowerInvariant()))})");
        }

        var message = map.TryGetValue("message", out var messageNode) ? ReadText(nodes, messageNode, "'message'") : null;
        var unless = map.TryGetValue("unless", out var unlessNode) ? ReadText(nodes, unlessNode, "'unless'") : null;
        var record = map.TryGetValue("text", out var textNode) ? ReadText(nodes, textNode, "'text'") : null;
        if (levels.Count == 0 && kinds.Count == 0 && message is null && record is null)
            nodes.Error(node, "'when' needs at least one of 'level', 'kind' or 'message'");
        var where = new List<FieldComparison>();
        foreach (var text in nodes.Strings(map, "where"))
        {
            if (ParseComparison(text) is { } comparison)
                where.Add(comparison);
            else
                nodes.Error(map["where"], $"'{text}' is not a comparison: write 'FIELD OP VALUE' or 'FIELD OP FIELD' with OP one of {string.Join(" ", FieldComparison.Operators)}");
        }
        return new EventCondition(levels, kinds, message, unless) { Where = where, Text = record };
    }

    private static FieldComparison? ParseComparison(string text)
    {
        foreach (var op in FieldComparison.Operators)
        {
            var at = text.IndexOf(op, StringComparison.Ordinal);
            if (at <= 0)
                continue;
            var field = text[..at].Trim();
            var written = text[(at + op.Length)..].Trim();
            // A quoted operand is always a literal; a bare word names another field when there is one.
            var quoted = written.Length >= 2 && written[0] is '"' or '\'' && written[^1] == written[0];
            var operand = quoted ? written[1..^1] : written;
            if (field.Length == 0 || operand.Length == 0 || !field.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
                return null;
            var isField = !quoted && char.IsAsciiLetter(operand[0]) && operand.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') && !FieldComparison.TryNumber(operand, out _);
            return new FieldComparison(field, op, operand, isField);
        }
        return null;
    }

    private static UnlessCondition? ReadUnless(YamlNodes nodes, YamlNode node)
    {
        var map = nodes.Mapping(node, "'unless'", UnlessKeys);
        if (map is null)
            return null;
        var rules = nodes.Strings(map, "rules");
        if (rules.Count == 0)
            nodes.Error(node, "'unless' needs 'rules' (the rule ids whose signals must be absent)");
        var before = map.ContainsKey("before") ? nodes.Duration(map, "before", node) : TimeSpan.Zero;
        var after = map.ContainsKey("after") ? nodes.Duration(map, "after", node) : TimeSpan.Zero;
        var between = map.TryGetValue("between", out var b) && b is YamlScalarNode { Value: "true" };
        if (map.TryGetValue("between", out var bn) && bn is not YamlScalarNode { Value: "true" or "false" })
            nodes.Error(bn, "'between' must be true or false");
        if (!between && !map.ContainsKey("before") && !map.ContainsKey("after"))
            nodes.Error(node, "'unless' needs a span: 'before', 'after' (durations) or 'between: true'");
        var same = ReadGroupBy(nodes, map, "same", node);
        if (rules.Count == 0 || before is null || after is null || same is null)
            return null;
        return new UnlessCondition(rules, before.Value, after.Value, between, same);
    }

    private static TextMatch? ReadText(YamlNodes nodes, YamlNode node, string what)
    {
        var map = nodes.Mapping(node, what, TextKeys);
        if (map is null)
            return null;
        var contains = nodes.Strings(map, "contains");
        if (contains.Any(string.IsNullOrEmpty))
            nodes.Error(map["contains"], "'contains' texts must not be empty");
        var regex = nodes.String(map, "regex", node, required: false);
        if (contains.Count == 0 && regex is null)
        {
            nodes.Error(node, $"{what} needs 'contains' or 'regex'");
            return null;
        }
        return new TextMatch(contains, regex);
    }

    private static ThresholdCondition? ReadThreshold(YamlNodes nodes, YamlNode node)
    {
        var map = nodes.Mapping(node, "'threshold'", ThresholdKeys);
        if (map is null)
            return null;
        var rule = nodes.String(map, "rule", node, required: true);
        var count = nodes.Number(map, "count");
        if (count is null && !map.ContainsKey("count"))
            nodes.Error(node, "missing required key 'count'");
        else if (count is not null && (count < 2 || count % 1 != 0))
            nodes.Error(map["count"], "'count' must be a whole number of at least 2");
        var within = nodes.Duration(map, "within", node);
        var per = ReadGroupBy(nodes, map, "per", node);
        if (rule is null || count is null || within is null || per is null)
            return null;
        return new ThresholdCondition(rule, (int)count.Value, within.Value, per);
    }

    private static SequenceCondition? ReadSequence(YamlNodes nodes, YamlNode node)
    {
        var map = nodes.Mapping(node, "'sequence'", SequenceKeys);
        if (map is null)
            return null;
        var first = nodes.Strings(map, "first");
        var then = nodes.Strings(map, "then");
        if (first.Count == 0)
            nodes.Error(node, "'sequence' needs 'first' (rule ids)");
        if (then.Count == 0)
            nodes.Error(node, "'sequence' needs 'then' (rule ids)");
        var within = nodes.Duration(map, "within", node);
        var same = ReadGroupBy(nodes, map, "same", node);
        if (first.Count == 0 || then.Count == 0 || within is null || same is null)
            return null;
        return new SequenceCondition(first, then, within.Value, same);
    }

    private static GroupBy? ReadGroupBy(YamlNodes nodes, Dictionary<string, YamlNode> map, string key, YamlNode parent)
    {
        if (nodes.String(map, key, parent, required: false) is not { } text)
            return GroupBy.None;
        if (text.StartsWith("field:", StringComparison.Ordinal) && text.Length > 6)
            return new GroupBy("field", text[6..]);
        if (GroupBy.Kinds.Contains(text) && text != "field")
            return new GroupBy(text);
        nodes.Error(map[key], $"unknown '{key}' value '{text}' (expected {string.Join(", ", GroupBy.Kinds.Where(k => k != "field"))} or field:NAME)");
        return null;
    }

    private static ExplainsRelation? ReadExplains(YamlNodes nodes, YamlNode node)
    {
        var map = nodes.Mapping(node, "'explains'", ExplainsKeys);
        if (map is null)
            return null;
        var causes = nodes.Strings(map, "causes");
        if (causes.Count == 0)
            nodes.Error(node, "'explains' needs 'causes'");
        var within = nodes.Duration(map, "within", node);
        var same = ReadGroupBy(nodes, map, "same", node);
        return within is null || same is null ? null : new ExplainsRelation(causes, within.Value) { Same = same };
    }

    private static RuleExamples ReadExamples(YamlNodes nodes, YamlNode node)
    {
        var map = nodes.Mapping(node, "'examples'", ExampleKeys);
        if (map is null)
            return RuleExamples.None;
        return new RuleExamples(ReadExampleList(nodes, map, "match"), ReadExampleList(nodes, map, "no-match"));
    }

    /// <summary>Each example is a snippet, or a list of snippets read as separate inputs.</summary>
    private static IReadOnlyList<IReadOnlyList<string>> ReadExampleList(YamlNodes nodes, Dictionary<string, YamlNode> map, string key)
    {
        if (!map.TryGetValue(key, out var node))
            return [];
        if (node is not YamlSequenceNode sequence)
            return [nodes.StringsOf(node, key)];
        return sequence.Children.Select(item => nodes.StringsOf(item, key)).Where(inputs => inputs.Count > 0).ToList();
    }
}
