using Google.OrTools.LinearSolver;

namespace Headroom.Assignment;

// The LP relaxation (x in [0, 1]) solved with GLOP: its value is a lower bound, and its reduced
// costs say how much any solution must pay to use an agent-job pair, which both fixes variables
// and tells the search which agents compete for the same jobs. The duals of the assignment rows
// start the Lagrangian dives' multipliers.
internal sealed record GapLinearRelaxation(bool Solved, bool Infeasible, double Value, double[][] ReducedCost, double[] AssignmentDuals)
{
    public static GapLinearRelaxation Solve(GapInstance instance, TimeSpan timeLimit)
    {
        int m = instance.Agents, n = instance.Jobs;
        var reduced = new double[m][];
        for (var i = 0; i < m; i++)
        {
            reduced[i] = new double[n];
        }
        using var solver = Solver.CreateSolver("GLOP");
        if (solver is null || timeLimit <= TimeSpan.Zero)
        {
            return new GapLinearRelaxation(false, false, double.NegativeInfinity, reduced, []);
        }
        solver.SetTimeLimit((long)Math.Max(1, timeLimit.TotalMilliseconds));
        var x = new Variable?[m, n];
        var assign = new Constraint[n];
        for (var j = 0; j < n; j++)
        {
            assign[j] = solver.MakeConstraint(1, 1);
        }
        var objective = solver.Objective();
        objective.SetMinimization();
        for (var i = 0; i < m; i++)
        {
            var capacity = solver.MakeConstraint(double.NegativeInfinity, instance.Capacity[i]);
            for (var j = 0; j < n; j++)
            {
                if (instance.Weight[i][j] > instance.Capacity[i])
                {
                    continue;
                }
                var v = x[i, j] = solver.MakeNumVar(0, 1, "");
                assign[j].SetCoefficient(v, 1);
                capacity.SetCoefficient(v, instance.Weight[i][j]);
                objective.SetCoefficient(v, instance.Cost[i][j]);
            }
        }
        var status = solver.Solve();
        if (status == Solver.ResultStatus.INFEASIBLE)
        {
            return new GapLinearRelaxation(false, true, double.PositiveInfinity, reduced, []);
        }
        if (status != Solver.ResultStatus.OPTIMAL)
        {
            return new GapLinearRelaxation(false, false, double.NegativeInfinity, reduced, []);
        }
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                reduced[i][j] = x[i, j] is { } v ? v.ReducedCost() : double.PositiveInfinity;
            }
        }
        var duals = new double[n];
        for (var j = 0; j < n; j++)
        {
            duals[j] = assign[j].DualValue();
        }
        return new GapLinearRelaxation(true, false, objective.Value(), reduced, duals);
    }
}
