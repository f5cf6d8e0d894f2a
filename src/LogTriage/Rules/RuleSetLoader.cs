namespace LogTriage.Rules;

/// <summary>
/// Loads every <c>*.yaml</c> file of the given directories into one <see cref="RuleSet"/>, or
/// throws <see cref="RuleValidationException"/> with every error found: nothing runs half-loaded.
/// Directories are layers: a later directory's rule with the id of an earlier one replaces it,
/// and <c>disabled: true</c> removes it; within one directory an id may appear once.
/// </summary>
public sealed class RuleSetLoader
{
    private readonly RuleFileReader _reader = new();
    private readonly RuleSetValidator _validator = new();

    /// <param name="skip">Rule ids to leave out (<c>--skip</c>), as if a last layer disabled them.</param>
    public RuleSet LoadDirectories(IEnumerable<string> directories, IReadOnlyCollection<string>? skip = null)
    {
        var layers = new List<IEnumerable<(string Name, Func<TextReader> Open)>>();
        var errors = new List<RuleError>();
        foreach (var directory in directories)
        {
            if (!Directory.Exists(directory))
            {
                errors.Add(new RuleError(new SourceLocation(directory, 0, 0), "rules directory not found"));
                continue;
            }
            layers.Add(Directory.EnumerateFiles(directory, "*.yaml", SearchOption.AllDirectories)
                .Concat(Directory.EnumerateFiles(directory, "*.yml", SearchOption.AllDirectories))
                .Order(StringComparer.Ordinal)
                .Select(f => (f, (Func<TextReader>)(() => new StreamReader(f))))
                .ToList());
        }
        if (errors.Count > 0)
            throw new RuleValidationException(errors);
        return LoadLayers(layers, skip ?? []);
    }

    /// <summary>One layer of files, as if from one directory.</summary>
    public RuleSet LoadFiles(IEnumerable<(string Name, Func<TextReader> Open)> files) => LoadLayers([files]);

    private List<RuleFileContent> ReadAll(IEnumerable<(string Name, Func<TextReader> Open)> files)
    {
        try
        {
            return files.AsParallel().AsOrdered().Select(file =>
            {
                using var reader = file.Open();
                var text = reader.ReadToEnd();
                return _reader.Read(file.Name, new StringReader(text)) with { Text = text };
            }).ToList();
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // Callers handle the file's own error (IOException...), not the parallel wrapper.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }
    }

    public RuleSet LoadLayers(IEnumerable<IEnumerable<(string Name, Func<TextReader> Open)>> layers, IReadOnlyCollection<string>? skip = null)
    {
        var causes = new Dictionary<string, CauseDefinition>(StringComparer.Ordinal);
        var rules = new List<RuleDefinition>();
        var errors = new List<RuleError>();
        var warnings = new List<string>();
        var hash = new RuleTextHash();
        ScoringDefinition? scoring = null;
        var first = true;
        foreach (var layer in layers)
        {
            var layerCauses = new List<CauseDefinition>();
            var layerRules = new List<RuleDefinition>();
            var disabled = new List<(string Id, SourceLocation Location)>();
            var amendments = new List<RuleAmendment>();
            // Files are parsed in parallel (YAML parsing dominates start-up), and merged in order.
            var contents = ReadAll(layer);
            foreach (var content in contents)
            {
                hash.Add(content.Text);
                layerCauses.AddRange(content.Causes);
                layerRules.AddRange(content.Rules);
                disabled.AddRange(content.Disabled);
                amendments.AddRange(content.Amendments);
                errors.AddRange(content.Errors);
                scoring = content.Scoring ?? scoring;
            }

            if (first)
            {
                // The first layer is validated as it stands, duplicates included.
                rules.AddRange(layerRules);
                foreach (var cause in layerCauses)
                    causes.TryAdd(cause.Id, cause);
                errors.AddRange(_validator.CheckCauses(layerCauses));
            }
            else
            {
                errors.AddRange(_validator.CheckUnique(layerRules));
                foreach (var cause in layerCauses)
                    causes[cause.Id] = cause;
                foreach (var rule in layerRules)
                {
                    var index = rules.FindIndex(r => r.Id == rule.Id);
                    if (index >= 0)
                        rules[index] = rule;
                    else
                        rules.Add(rule);
                }
            }
            foreach (var amendment in amendments)
            {
                var index = rules.FindIndex(r => r.Id == amendment.RuleId);
                if (index < 0)
                    errors.Add(new RuleError(amendment.Location, $"exceptions for '{amendment.RuleId}', but no earlier rule has that id"));
                else
                    rules[index] = rules[index] with { Exceptions = [.. rules[index].Exceptions, .. amendment.Exceptions] };
            }
            foreach (var (id, location) in disabled)
            {
                if (rules.RemoveAll(r => r.Id == id) == 0)
                    errors.Add(new RuleError(location, $"'{id}' is disabled but no earlier rule has that id"));
                else
                    warnings.AddRange(DisableDependents(rules, id));
            }
            first = false;
        }

        foreach (var id in skip ?? [])
        {
            if (rules.RemoveAll(r => r.Id == id) == 0)
                errors.Add(new RuleError(new SourceLocation("--skip", 0, 0), $"'{id}': no rule has that id"));
            else
                warnings.AddRange(DisableDependents(rules, id));
        }

        errors.AddRange(_validator.Validate(causes.Values.ToList(), rules, checkCauses: false));
        if (errors.Count > 0)
            throw new RuleValidationException(errors);
        if (rules.Count == 0)
            throw new RuleValidationException([new RuleError(new SourceLocation("(rules)", 0, 0), "no rules found")]);
        return new RuleSet(causes, rules, scoring) { Warnings = warnings, ContentHash = hash.Hash() };
    }

    /// <summary>
    /// What a disabled rule leaves behind: a threshold over it, or a sequence with nothing left on
    /// one side, cannot hold and is disabled too; a veto (<c>unless</c>) or one side of a
    /// sequence that also names other rules just loses it. The user hears about each.
    /// </summary>
    private static IEnumerable<string> DisableDependents(List<RuleDefinition> rules, string disabledId)
    {
        var pending = new Queue<string>([disabledId]);
        while (pending.TryDequeue(out var gone))
        {
            for (var i = rules.Count - 1; i >= 0; i--)
            {
                var rule = rules[i];
                var sequence = rule.Sequence;
                var cannotHold = rule.Threshold?.RuleId == gone
                    || (sequence is not null && (sequence.First.All(r => r == gone) || sequence.Then.All(r => r == gone)));
                if (cannotHold)
                {
                    rules.RemoveAt(i);
                    pending.Enqueue(rule.Id);
                    yield return $"rule '{rule.Id}' is disabled too: it builds on '{gone}', which is disabled";
                    continue;
                }
                var unless = rule.Unless.Select(u => u with { Rules = u.Rules.Where(r => r != gone).ToList() }).ToList();
                var touched = (sequence is not null && (sequence.First.Contains(gone) || sequence.Then.Contains(gone)))
                    || rule.Unless.Any(u => u.Rules.Contains(gone));
                if (!touched)
                    continue;
                rules[i] = rule with
                {
                    Sequence = sequence is null ? null : sequence with
                    {
                        First = sequence.First.Where(r => r != gone).ToList(),
                        Then = sequence.Then.Where(r => r != gone).ToList(),
                    },
                };
                rules[i] = rules[i] with { Unless = unless.Where(u => u.Rules.Count > 0).ToList() };
                yield return $"rule '{rule.Id}' no longer uses '{gone}', which is disabled";
            }
        }
    }
}
