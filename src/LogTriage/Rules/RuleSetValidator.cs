using System.Text.RegularExpressions;

namespace LogTriage.Rules;

/// <summary>
/// Checks what no single file can: unique ids, known causes, thresholds naming real single-event
/// rules, regular expressions that compile, and cause texts for every cause used.
/// </summary>
internal sealed class RuleSetValidator
{
    public IReadOnlyList<RuleError> Validate(IReadOnlyList<CauseDefinition> causes, IReadOnlyList<RuleDefinition> rules, bool checkCauses = true)
    {
        var errors = new List<RuleError>();
        if (checkCauses)
            errors.AddRange(CheckCauses(causes));
        errors.AddRange(CheckUnique(rules));
        var causeIds = causes.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);

        var byId = new Dictionary<string, RuleDefinition>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            byId.TryAdd(rule.Id, rule);
            if (!CauseIds.IsKnown(rule.Cause))
                errors.Add(new(rule.Location, $"rule '{rule.Id}': unknown cause '{rule.Cause}' (expected one of: {string.Join(", ", CauseIds.All)})"));
            else if (!causeIds.Contains(rule.Cause))
                errors.Add(new(rule.Location, $"rule '{rule.Id}': cause '{rule.Cause}' has no texts (title, diagnosis, fix) in any rule file"));
            if (rule.When is { } when)
            {
                CheckRegex(rule, when.Message, errors);
                CheckRegex(rule, when.Unless, errors);
                CheckRegex(rule, when.Text, errors);
            }
            if (rule.Explains is { } explains)
                foreach (var explained in explains.Causes.Where(c => !CauseIds.IsKnown(c)))
                    errors.Add(new(rule.Location, $"rule '{rule.Id}': 'explains' names unknown cause '{explained}'"));
        }

        foreach (var rule in rules)
        {
            if (rule.Sequence is { } sequence)
                foreach (var part in sequence.First.Concat(sequence.Then))
                    if (!byId.TryGetValue(part, out var joined))
                        errors.Add(new(rule.Location, $"rule '{rule.Id}': sequence names unknown rule '{part}'"));
                    else if (!joined.IsEventRule)
                        errors.Add(new(rule.Location, $"rule '{rule.Id}': sequence must name single-event rules, and '{part}' is not one"));

            foreach (var unless in rule.Unless)
                foreach (var part in unless.Rules)
                    if (!byId.TryGetValue(part, out var absent))
                        errors.Add(new(rule.Location, $"rule '{rule.Id}': unless names unknown rule '{part}'"));
                    else if (!absent.IsEventRule)
                        errors.Add(new(rule.Location, $"rule '{rule.Id}': unless must name single-event rules, and '{part}' is not one"));
            foreach (var exception in rule.Exceptions)
                foreach (var field in exception.Fields.Keys)
                    if (!(GroupBy.Kinds.Contains(field) && field is not ("none" or "field")) && !(rule.IsEventRule && RegexDeclares(rule, field))
                        && !(rule.Threshold is { } t && byId.TryGetValue(t.RuleId, out var c) && RegexDeclares(c, field)))
                        errors.Add(new(rule.Location, $"rule '{rule.Id}': exception '{exception.Name}' tests '{field}', which is neither a key ({string.Join(", ", GroupBy.Kinds.Where(k => k is not ("none" or "field")))}) nor a regex group of the rule"));
            foreach (var kind in rule.Identifies)
                if (!rule.IsEventRule || !RegexDeclares(rule, kind))
                    errors.Add(new(rule.Location, $"rule '{rule.Id}': 'identifies: {kind}' needs a single-event rule whose regex has a group named '{kind}'"));
            if (rule.When is { } w)
                foreach (var comparison in w.Where)
                    foreach (var field in new[] { comparison.Field })
                        // Monitor events carry their readings as fields; other sources only what the regex captures.
                        if (rule.Source != RuleSource.Monitor && !RegexDeclares(rule, field))
                            errors.Add(new(rule.Location, $"rule '{rule.Id}': 'where: {comparison}' but the message regex has no group named '{field}'"));

            if (rule.Threshold is not { } threshold)
                continue;
            if (!byId.TryGetValue(threshold.RuleId, out var counted))
                errors.Add(new(rule.Location, $"rule '{rule.Id}': threshold counts unknown rule '{threshold.RuleId}'"));
            else if (!counted.IsEventRule)
                errors.Add(new(rule.Location, $"rule '{rule.Id}': threshold must count a single-event rule, and '{threshold.RuleId}' is not one"));
            else if (threshold.Per.Field is { } field && !RegexDeclares(counted, field))
                errors.Add(new(rule.Location, $"rule '{rule.Id}': 'per: field:{field}' but rule '{counted.Id}' has no regex group named '{field}'"));
        }
        return errors;
    }

    /// <summary>Cause ids are the contract's, each defined once.</summary>
    public IReadOnlyList<RuleError> CheckCauses(IEnumerable<CauseDefinition> causes)
    {
        var errors = new List<RuleError>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cause in causes)
        {
            if (!CauseIds.IsKnown(cause.Id))
                errors.Add(new(cause.Location, $"unknown cause id '{cause.Id}' (expected one of: {string.Join(", ", CauseIds.All)})"));
            else if (!seen.Add(cause.Id))
                errors.Add(new(cause.Location, $"cause '{cause.Id}' is defined twice"));
        }
        return errors;
    }

    /// <summary>Rule ids are unique within one set of files.</summary>
    public IReadOnlyList<RuleError> CheckUnique(IEnumerable<RuleDefinition> rules)
    {
        var errors = new List<RuleError>();
        var byId = new Dictionary<string, RuleDefinition>(StringComparer.Ordinal);
        foreach (var rule in rules)
            if (!byId.TryAdd(rule.Id, rule))
                errors.Add(new(rule.Location, $"duplicate rule id '{rule.Id}' (first defined at {byId[rule.Id].Location})"));
        return errors;
    }

    private static void CheckRegex(RuleDefinition rule, TextMatch? match, List<RuleError> errors)
    {
        if (match?.Regex is not { } pattern)
            return;
        try
        {
            _ = match.CompiledRegex;
        }
        catch (ArgumentException e)
        {
            errors.Add(new(rule.Location, $"rule '{rule.Id}': invalid regex '{pattern}': {e.Message}"));
        }

    }

    private static bool RegexDeclares(RuleDefinition rule, string group) =>
        rule.When?.Message?.CompiledRegex is { } regex && regex.GetGroupNames().Contains(group);
}
