using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Sentry.Management;

/// <summary>
/// A fluent capture of one event, started by <see cref="SentryCaptureClient.Exception"/> or
/// <see cref="SentryCaptureClient.Message"/> and sent by <see cref="Capture"/>:
/// <code>
/// sentry.Exception(ex)
///     .User(id: "42", email: "ann@example.com", username: "ann")
///     .Tag("area", "payments")
///     .Extra("orderId", 17)
///     .Fingerprint("payment-processing", "{{ default }}")
///     .Level(EventLevel.Error)
///     .Capture();
/// </code>
/// </summary>
/// <remarks>
/// A struct over the <see cref="ErrorEvent"/> the capture needs anyway, so the chain costs no more than
/// <see cref="SentryCaptureClient.CaptureException"/> with a callback. Each call writes to that event: copies of
/// the builder share it. Like every capture call, the chain never throws: a <see langword="null"/> or empty key or
/// value is ignored, and a chain started with a <see langword="null"/> exception or message does nothing.
/// Call <see cref="Capture"/> once; the event belongs to the client afterwards.
/// </remarks>
[StructLayout(LayoutKind.Auto)]
public readonly struct ErrorEventBuilder : IEquatable<ErrorEventBuilder>
{
    private readonly SentryCaptureClient? _client;
    private readonly ErrorEvent? _event;
    // Three references, copied at every step of the chain: the method is derived from the argument when logging.
    private readonly string? _nullArgument;

    internal ErrorEventBuilder(SentryCaptureClient client, ErrorEvent? errorEvent, string nullArgument)
    {
        _client = client;
        _event = errorEvent;
        _nullArgument = nullArgument;
    }

    /// <summary>Sets the user the event happened to (overrides the scope's).</summary>
    /// <param name="id">The application's id for the user.</param>
    /// <param name="email">The email address (sent only with <see cref="SentryCaptureOptions.SendDefaultPii"/>).</param>
    /// <param name="username">The login name.</param>
    /// <param name="ipAddress">The IP address (sent only with <see cref="SentryCaptureOptions.SendDefaultPii"/>).</param>
    /// <returns>This builder.</returns>
    public ErrorEventBuilder User(string? id = null, string? email = null, string? username = null, string? ipAddress = null) =>
        User(new CaptureUser { Id = id, Email = email, Username = username, IpAddress = ipAddress });

    /// <summary>Sets the user the event happened to (overrides the scope's).</summary>
    /// <param name="user">The user; <see langword="null"/> leaves the scope's.</param>
    /// <returns>This builder.</returns>
    public ErrorEventBuilder User(CaptureUser? user)
    {
        if (_event is not null)
        {
            _event.User = user;
        }

        return this;
    }

    /// <summary>Adds a searchable tag (values are cut to 200 characters, Sentry's limit).</summary>
    /// <param name="key">The tag name.</param>
    /// <param name="value">The tag value.</param>
    /// <returns>This builder.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ErrorEventBuilder Tag(string key, string value)
    {
        if (_event is not null && !string.IsNullOrEmpty(key) && value is not null)
        {
            _event.Tags[key] = value;
        }

        return this;
    }

    /// <summary>Adds extra data; see <see cref="ErrorEvent.Extra"/> for how values are written.</summary>
    /// <param name="key">The name.</param>
    /// <param name="value">The value.</param>
    /// <returns>This builder.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ErrorEventBuilder Extra(string key, object? value)
    {
        if (_event is not null && !string.IsNullOrEmpty(key))
        {
            _event.SetExtra(key, value);
        }

        return this;
    }

    /// <summary>Adds a named structured context.</summary>
    /// <param name="name">The context's name, such as <c>order</c>.</param>
    /// <param name="fields">Its fields.</param>
    /// <returns>This builder.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ErrorEventBuilder Context(string name, IReadOnlyDictionary<string, object?> fields)
    {
        if (_event is not null && !string.IsNullOrEmpty(name) && fields is not null)
        {
            _event.Contexts[name] = fields;
        }

        return this;
    }

    /// <summary>Sets the grouping fingerprint; <c>{{ default }}</c> stands for Sentry's own grouping.</summary>
    /// <param name="fingerprint">The parts, such as <c>"payment-processing", "{{ default }}"</c>; an array passed in is kept as it is, not copied.</param>
    /// <returns>This builder.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ErrorEventBuilder Fingerprint(params string[] fingerprint)
    {
        if (_event is not null && fingerprint is { Length: > 0 })
        {
            _event.Fingerprint = fingerprint;
        }

        return this;
    }

    /// <summary>Sets the severity.</summary>
    /// <param name="level">The level.</param>
    /// <returns>This builder.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ErrorEventBuilder Level(EventLevel level)
    {
        if (_event is not null)
        {
            _event.Level = level;
        }

        return this;
    }

    /// <summary>Names the logger or component that produced the event.</summary>
    /// <param name="logger">The logger's name.</param>
    /// <returns>This builder.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ErrorEventBuilder Logger(string? logger)
    {
        if (_event is not null)
        {
            _event.Logger = logger;
        }

        return this;
    }

    /// <summary>Names the transaction (route, job) the event belongs to.</summary>
    /// <param name="name">The transaction name, such as <c>POST /checkout</c>.</param>
    /// <returns>This builder.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ErrorEventBuilder Transaction(string? name)
    {
        if (_event is not null)
        {
            _event.TransactionName = name;
        }

        return this;
    }

    /// <summary>Links the event to the span (or transaction) it happened in, so it shows in that trace.</summary>
    /// <param name="span">The running span.</param>
    /// <returns>This builder.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ErrorEventBuilder Span(TraceSpan? span)
    {
        if (_event is not null)
        {
            _event.Span = span;
        }

        return this;
    }

    /// <summary>Captures the event through <see cref="SentryCaptureClient.CaptureEvent"/>.</summary>
    /// <returns>The event id, or <see cref="Guid.Empty"/> when the event was dropped right away (sampled out, queue full, client disposed, nothing to capture).</returns>
    public Guid Capture()
    {
        if (_client is null)
        {
            return Guid.Empty;
        }

        return _event is null
            ? _client.IgnoreNull(_nullArgument == "exception" ? nameof(SentryCaptureClient.Exception) : nameof(SentryCaptureClient.Message), _nullArgument!)
            : _client.CaptureEvent(_event);
    }

    /// <inheritdoc/>
    public bool Equals(ErrorEventBuilder other) => ReferenceEquals(_client, other._client) && ReferenceEquals(_event, other._event);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ErrorEventBuilder other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_client, _event);

    /// <summary>Whether both builders write to the same event.</summary>
    /// <param name="left">One builder.</param>
    /// <param name="right">The other.</param>
    /// <returns><see langword="true"/> when they share the event.</returns>
    public static bool operator ==(ErrorEventBuilder left, ErrorEventBuilder right) => left.Equals(right);

    /// <summary>Whether the builders write to different events.</summary>
    /// <param name="left">One builder.</param>
    /// <param name="right">The other.</param>
    /// <returns><see langword="true"/> when they do not share the event.</returns>
    public static bool operator !=(ErrorEventBuilder left, ErrorEventBuilder right) => !left.Equals(right);
}
