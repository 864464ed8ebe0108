using System.Text.Json;

namespace Sentry.Management;

/// <summary>A stack frame.</summary>
public sealed class EventStackFrame : SentryModel
{
    /// <summary>The function.</summary>
    public string? Function { get; set; }

    /// <summary>The module.</summary>
    public string? Module { get; set; }

    /// <summary>The package (native frames).</summary>
    public string? Package { get; set; }

    /// <summary>The file, relative.</summary>
    public string? Filename { get; set; }

    /// <summary>The file, absolute.</summary>
    public string? AbsPath { get; set; }

    /// <summary>The line number.</summary>
    public int? LineNo { get; set; }

    /// <summary>The column number.</summary>
    public int? ColNo { get; set; }

    /// <summary>Whether the frame is application code.</summary>
    public bool? InApp { get; set; }

    /// <summary>The platform of the frame.</summary>
    public string? Platform { get; set; }

    /// <summary>Source lines around the frame, each <c>[lineNo, text]</c>.</summary>
    public IReadOnlyList<JsonElement>? Context { get; set; }

    /// <summary>Local variables, when the SDK sent them.</summary>
    public JsonElement? Vars { get; set; }

    /// <summary>The instruction address (native frames).</summary>
    public string? InstructionAddr { get; set; }

    /// <summary>The symbol address (native frames).</summary>
    public string? SymbolAddr { get; set; }

    /// <summary>The symbol (native frames).</summary>
    public string? Symbol { get; set; }

    /// <summary>How the frame was found (native frames).</summary>
    public string? Trust { get; set; }
}
