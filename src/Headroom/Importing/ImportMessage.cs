using System.Globalization;
using System.Resources;

namespace Headroom.Importing;

// One problem and the values it names (cell text, row numbers, limits, a record noun). Rendered
// in a culture when shown: English for the command line and logs, the reader's language on the
// pages and in the API.
public sealed class ImportMessage
{
    private static readonly ResourceManager Words = new("Headroom.Importing.ImportMessages", typeof(ImportMessage).Assembly);

    private ImportMessage(ImportProblem problem, object[] args)
    {
        Problem = problem;
        Args = args;
    }

    public ImportProblem Problem { get; }

    public IReadOnlyList<object> Args { get; }

    public static ImportMessage Of(ImportProblem problem, params object[] args) => new(problem, args);

    public string Format(CultureInfo culture)
    {
        var template = Words.GetString(Problem.ToString(), culture)
            ?? throw new InvalidOperationException($"ImportMessages.resx has no text for {Problem}.");
        var values = Args.Select(a => a switch
        {
            ImportNoun noun => Words.GetString($"Noun.{noun}", culture) ?? noun.ToString(),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => a,
        }).ToArray();
        return string.Format(culture, template, values);
    }

    public override string ToString() => Format(CultureInfo.InvariantCulture);
}
