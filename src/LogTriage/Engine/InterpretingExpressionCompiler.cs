using System.Linq.Expressions;
using NRules.Extensibility;

namespace LogTriage.Engine;

/// <summary>
/// Compiles the rules' conditions and actions to interpreted delegates: the engine sees coalesced
/// facts, a few per second of log, so compiling hundreds of expressions to IL would cost far more
/// start-up than it could save.
/// </summary>
internal sealed class InterpretingExpressionCompiler : IExpressionCompiler
{
    public TDelegate Compile<TDelegate>(Expression<TDelegate> expression) where TDelegate : Delegate =>
        expression.Compile(preferInterpretation: true);
}

/// <summary>Compiles the rules' conditions and actions to IL, for a session fed many facts.</summary>
internal sealed class IlExpressionCompiler : IExpressionCompiler
{
    public TDelegate Compile<TDelegate>(Expression<TDelegate> expression) where TDelegate : Delegate => expression.Compile();
}
