using System.Globalization;

namespace Headroom.Assignment;

// Reads the OR-Library / Yagiura GAP format: "m n", then m rows of n costs, m rows of n weights and
// m capacities, all whitespace-separated. Line breaks carry no meaning (the files wrap rows at 12
// numbers), so the file is read as a stream of tokens and errors name the token's position.
public static class GapReader
{
    public static GapInstance ReadFile(string path) =>
        Read(Path.GetFileName(path), File.ReadAllText(path), path);

    public static GapInstance Read(string name, string text, string? source = null)
    {
        var tokens = new Tokens(text, source ?? name);
        var m = tokens.NextInt("m (number of agents)");
        var n = tokens.NextInt("n (number of jobs)");
        if (m <= 0 || n <= 0)
        {
            throw tokens.Error($"m and n must be positive, got m = {m}, n = {n}");
        }
        var cost = ReadMatrix(tokens, m, n, "cost");
        var weight = ReadMatrix(tokens, m, n, "weight");
        var capacity = new long[m];
        for (var i = 0; i < m; i++)
        {
            capacity[i] = tokens.NextLong($"capacity of agent {i}");
        }
        if (tokens.HasMore(out var extra))
        {
            throw tokens.Error($"unexpected extra token '{extra}' after the capacities (expected {2 + 2L * m * n + m} tokens)");
        }
        return new GapInstance(name, m, n, cost, weight, capacity);
    }

    private static int[][] ReadMatrix(Tokens tokens, int m, int n, string what)
    {
        var matrix = new int[m][];
        for (var i = 0; i < m; i++)
        {
            var row = matrix[i] = new int[n];
            for (var j = 0; j < n; j++)
            {
                row[j] = tokens.NextInt($"{what} of job {j} on agent {i}");
            }
        }
        return matrix;
    }

    private sealed class Tokens(string text, string source)
    {
        private int _at;
        private long _index;

        public int NextInt(string what)
        {
            var token = Next(what);
            return int.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw Error($"token {_index} ('{Shorten(token)}', the {what}) is not an integer");
        }

        public long NextLong(string what)
        {
            var token = Next(what);
            return long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw Error($"token {_index} ('{Shorten(token)}', the {what}) is not an integer");
        }

        public bool HasMore(out string token)
        {
            token = NextOrNull() ?? "";
            return token.Length > 0;
        }

        public GapFormatException Error(string message) => new($"{source}: {message}");

        private string Next(string what) =>
            NextOrNull() ?? throw Error($"file ends after {_index} tokens; expected token {_index + 1}, the {what}");

        private string? NextOrNull()
        {
            while (_at < text.Length && char.IsWhiteSpace(text[_at]))
            {
                _at++;
            }
            if (_at == text.Length)
            {
                return null;
            }
            var start = _at;
            while (_at < text.Length && !char.IsWhiteSpace(text[_at]))
            {
                _at++;
            }
            _index++;
            return text[start.._at];
        }

        private static string Shorten(string token) => token.Length <= 20 ? token : token[..20] + "…";
    }
}
