using System.Text.Json;

namespace Sentry.Management.Capture.Protocol;

/// <summary>
/// The property names (and the few fixed values) of envelope headers and event payloads, encoded once: a name given
/// as a string is transcoded and checked for escapes on every write.
/// </summary>
internal static class JsonNames
{
    public static readonly JsonEncodedText AbsPath = JsonEncodedText.Encode("abs_path");
    public static readonly JsonEncodedText Breadcrumbs = JsonEncodedText.Encode("breadcrumbs");
    public static readonly JsonEncodedText CSharp = JsonEncodedText.Encode("csharp");
    public static readonly JsonEncodedText Category = JsonEncodedText.Encode("category");
    public static readonly JsonEncodedText Chained = JsonEncodedText.Encode("chained");
    public static readonly JsonEncodedText ColNo = JsonEncodedText.Encode("colno");
    public static readonly JsonEncodedText ContentType = JsonEncodedText.Encode("content_type");
    public static readonly JsonEncodedText Contexts = JsonEncodedText.Encode("contexts");
    public static readonly JsonEncodedText Data = JsonEncodedText.Encode("data");
    public static readonly JsonEncodedText Email = JsonEncodedText.Encode("email");
    public static readonly JsonEncodedText Environment = JsonEncodedText.Encode("environment");
    public static readonly JsonEncodedText EventId = JsonEncodedText.Encode("event_id");
    public static readonly JsonEncodedText Exception = JsonEncodedText.Encode("exception");
    public static readonly JsonEncodedText ExceptionId = JsonEncodedText.Encode("exception_id");
    public static readonly JsonEncodedText Extra = JsonEncodedText.Encode("extra");
    public static readonly JsonEncodedText FileName = JsonEncodedText.Encode("filename");
    public static readonly JsonEncodedText Fingerprint = JsonEncodedText.Encode("fingerprint");
    public static readonly JsonEncodedText Formatted = JsonEncodedText.Encode("formatted");
    public static readonly JsonEncodedText Frames = JsonEncodedText.Encode("frames");
    public static readonly JsonEncodedText Function = JsonEncodedText.Encode("function");
    public static readonly JsonEncodedText Generic = JsonEncodedText.Encode("generic");
    public static readonly JsonEncodedText Handled = JsonEncodedText.Encode("handled");
    public static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
    public static readonly JsonEncodedText InApp = JsonEncodedText.Encode("in_app");
    public static readonly JsonEncodedText IpAddress = JsonEncodedText.Encode("ip_address");
    public static readonly JsonEncodedText IsExceptionGroup = JsonEncodedText.Encode("is_exception_group");
    public static readonly JsonEncodedText ItemCount = JsonEncodedText.Encode("item_count");
    public static readonly JsonEncodedText Length = JsonEncodedText.Encode("length");
    public static readonly JsonEncodedText Level = JsonEncodedText.Encode("level");
    public static readonly JsonEncodedText LineNo = JsonEncodedText.Encode("lineno");
    public static readonly JsonEncodedText Logger = JsonEncodedText.Encode("logger");
    public static readonly JsonEncodedText Mechanism = JsonEncodedText.Encode("mechanism");
    public static readonly JsonEncodedText Message = JsonEncodedText.Encode("message");
    public static readonly JsonEncodedText Module = JsonEncodedText.Encode("module");
    public static readonly JsonEncodedText Op = JsonEncodedText.Encode("op");
    public static readonly JsonEncodedText ParentId = JsonEncodedText.Encode("parent_id");
    public static readonly JsonEncodedText ParentSpanId = JsonEncodedText.Encode("parent_span_id");
    public static readonly JsonEncodedText Platform = JsonEncodedText.Encode("platform");
    public static readonly JsonEncodedText Release = JsonEncodedText.Encode("release");
    public static readonly JsonEncodedText Runtime = JsonEncodedText.Encode("runtime");
    public static readonly JsonEncodedText Sdk = JsonEncodedText.Encode("sdk");
    public static readonly JsonEncodedText SentAt = JsonEncodedText.Encode("sent_at");
    public static readonly JsonEncodedText ServerName = JsonEncodedText.Encode("server_name");
    public static readonly JsonEncodedText Source = JsonEncodedText.Encode("source");
    public static readonly JsonEncodedText SpanId = JsonEncodedText.Encode("span_id");
    public static readonly JsonEncodedText StackTrace = JsonEncodedText.Encode("stacktrace");
    public static readonly JsonEncodedText Tags = JsonEncodedText.Encode("tags");
    public static readonly JsonEncodedText Timestamp = JsonEncodedText.Encode("timestamp");
    public static readonly JsonEncodedText Trace = JsonEncodedText.Encode("trace");
    public static readonly JsonEncodedText TraceId = JsonEncodedText.Encode("trace_id");
    public static readonly JsonEncodedText Transaction = JsonEncodedText.Encode("transaction");
    public static readonly JsonEncodedText Type = JsonEncodedText.Encode("type");
    public static readonly JsonEncodedText User = JsonEncodedText.Encode("user");
    public static readonly JsonEncodedText Username = JsonEncodedText.Encode("username");
    public static readonly JsonEncodedText Value = JsonEncodedText.Encode("value");
    public static readonly JsonEncodedText Values = JsonEncodedText.Encode("values");
}
