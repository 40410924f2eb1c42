package io.github.oidcservlet.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * The knobs of {@link ProviderBehaviour} for pushed authorization requests (RFC 9126): whether discovery advertises
 * the PAR endpoint, whether the provider requires PAR, and how the PAR endpoint misbehaves. Setters return the
 * {@link ProviderBehaviour} so that calls chain across all the knobs. Garbage answers: {@code rawAnswer("par", ...)}.
 */
abstract sealed class PushedRequestBehaviour extends AnswerBehaviour permits TokenEndpointBehaviour {

    /** A forced PAR endpoint error (RFC 9126 §2.3). */
    public record ParError(int status, String error, String description) { }

    private volatile boolean advertisePar;
    private volatile boolean requirePar;
    private volatile ParError parError;
    private volatile Duration parDelay;
    private volatile Duration parLifetime;

    /** The defaults: the PAR endpoint advertised, not required, honest, request URIs valid for 60 s. */
    final void resetPushedRequests() {
        advertisePar = true;
        requirePar = false;
        parError = null;
        parDelay = Duration.ZERO;
        parLifetime = Duration.ofSeconds(60);
    }

    /**
     * Whether discovery lists {@code pushed_authorization_request_endpoint} (RFC 9126 §5); default true. The
     * endpoint answers either way.
     *
     * @param value the new value
     * @return this behaviour, to chain calls
     */
    public ProviderBehaviour advertisePar(boolean value) {
        advertisePar = value;
        return self();
    }

    /**
     * Require pushed authorization requests: discovery says {@code require_pushed_authorization_requests: true}
     * (RFC 9126 §5) and the authorization endpoint refuses a request without {@code request_uri}. Default false.
     *
     * @param value the new value
     * @return this behaviour, to chain calls
     */
    public ProviderBehaviour requirePar(boolean value) {
        requirePar = value;
        return self();
    }

    /**
     * Answer every pushed authorization request with this RFC 9126 §2.3 error; {@code null} error switches it off.
     *
     * @param status the HTTP status
     * @param error the {@code error} code, or {@code null} to switch this off
     * @param description the {@code error_description}, or {@code null}
     * @return this behaviour, to chain calls
     */
    public ProviderBehaviour parError(int status, String error, String description) {
        parError = error == null ? null : new ParError(status, error, description);
        return self();
    }

    /**
     * Make the PAR endpoint hang this long before answering ({@link TestProvider#close()} cuts it short).
     *
     * @param value the new value
     * @return this behaviour, to chain calls
     */
    public ProviderBehaviour parDelay(Duration value) {
        parDelay = Objects.requireNonNull(value, "parDelay");
        return self();
    }

    /**
     * How long a pushed request's {@code request_uri} stays valid (its {@code expires_in}); default 60 s.
     *
     * @param value the new value
     * @return this behaviour, to chain calls
     */
    public ProviderBehaviour parLifetime(Duration value) {
        parLifetime = Objects.requireNonNull(value, "parLifetime");
        return self();
    }

    /** {@return the current {@code advertisePar} setting} */
    public boolean advertisePar() { return advertisePar; }

    /** {@return the current {@code requirePar} setting} */
    public boolean requirePar() { return requirePar; }

    /** {@return the current {@code parError} setting} */
    public ParError parError() { return parError; }

    /** {@return the current {@code parDelay} setting} */
    public Duration parDelay() { return parDelay; }

    /** {@return the current {@code parLifetime} setting} */
    public Duration parLifetime() { return parLifetime; }
}
