namespace PolicyTracker.Web.Cli;

/// <summary>
/// A command's own arguments, told apart from configuration overrides. A token <c>--Key=value</c> that is
/// not one of the command's options (such as <c>--ConnectionStrings:Default=...</c>) goes to the host's
/// configuration, the way the web app takes it.
/// </summary>
internal sealed class CommandArguments
{
    private readonly Dictionary<string, List<string?>> options = new(StringComparer.Ordinal);

    private CommandArguments(string name) => Name = name;

    public string Name { get; }

    public List<string> Positional { get; } = [];

    public List<string> HostArgs { get; } = [];

    public string? Error { get; private set; }

    /// <summary>The option's last value, so a repeated single-valued option behaves as the last one given.</summary>
    public string? Value(string option) => options.GetValueOrDefault(option)?[^1];

    /// <summary>Every value given for a repeatable option, in order.</summary>
    public IReadOnlyList<string?> Values(string option) => options.GetValueOrDefault(option) ?? [];

    public bool Has(string option) => options.ContainsKey(option);

    /// <summary>Splits <paramref name="args"/> (the command name first) by what the command accepts.</summary>
    public static CommandArguments Parse(string[] args, IReadOnlySet<string> valueOptions, IReadOnlySet<string> flags)
    {
        var parsed = new CommandArguments(args[0]);
        var onlyPositional = false;
        for (var i = 1; i < args.Length; i++)
        {
            var token = args[i];
            if (onlyPositional || !token.StartsWith("--", StringComparison.Ordinal))
            {
                parsed.Positional.Add(token);
                continue;
            }

            if (token == "--")
            {
                onlyPositional = true;
                continue;
            }

            var equals = token.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? token : token[..equals];
            var inline = equals < 0 ? null : token[(equals + 1)..];
            if (valueOptions.Contains(name))
            {
                var value = inline ?? (i + 1 < args.Length ? args[++i] : null);
                if (value is null)
                {
                    parsed.Error ??= $"{name} needs a value";
                }

                parsed.Add(name, value);
            }
            else if (flags.Contains(name) && inline is null)
            {
                parsed.Add(name, null);
            }
            else if (inline is not null)
            {
                parsed.HostArgs.Add(token);
            }
            else
            {
                parsed.Error ??= $"unknown option {name} for '{parsed.Name}'";
            }
        }

        return parsed;
    }

    private void Add(string option, string? value)
    {
        if (!options.TryGetValue(option, out var values))
        {
            options[option] = values = [];
        }

        values.Add(value);
    }
}
