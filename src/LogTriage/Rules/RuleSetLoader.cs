namespace LogTriage.Rules;

/// <summary>
/// Loads every <c>*.yaml</c> file of the given directories into one <see cref="RuleSet"/>, or
/// throws <see cref="RuleValidationException"/> with every error found: nothing runs half-loaded.
/// </summary>
public sealed class RuleSetLoader
{
    private readonly RuleFileReader _reader = new();
    private readonly RuleSetValidator _validator = new();

    public RuleSet LoadDirectories(IEnumerable<string> directories)
    {
        var files = new List<string>();
        var errors = new List<RuleError>();
        foreach (var directory in directories)
        {
            if (!Directory.Exists(directory))
            {
                errors.Add(new RuleError(new SourceLocation(directory, 0, 0), "rules directory not found"));
                continue;
            }
            files.AddRange(Directory.EnumerateFiles(directory, "*.yaml", SearchOption.AllDirectories)
                .Concat(Directory.EnumerateFiles(directory, "*.yml", SearchOption.AllDirectories))
                .Order(StringComparer.Ordinal));
        }
        if (errors.Count > 0)
            throw new RuleValidationException(errors);
        return LoadFiles(files.Select(f => (f, (Func<TextReader>)(() => new StreamReader(f)))));
    }

    public RuleSet LoadFiles(IEnumerable<(string Name, Func<TextReader> Open)> files)
    {
        var causes = new List<CauseDefinition>();
        var rules = new List<RuleDefinition>();
        var errors = new List<RuleError>();
        foreach (var (name, open) in files)
        {
            using var text = open();
            var content = _reader.Read(name, text);
            causes.AddRange(content.Causes);
            rules.AddRange(content.Rules);
            errors.AddRange(content.Errors);
        }
        errors.AddRange(_validator.Validate(causes, rules));
        if (errors.Count > 0)
            throw new RuleValidationException(errors);
        if (rules.Count == 0)
            throw new RuleValidationException([new RuleError(new SourceLocation("(rules)", 0, 0), "no rules found")]);
        return new RuleSet(causes.ToDictionary(c => c.Id, StringComparer.Ordinal), rules);
    }
}
