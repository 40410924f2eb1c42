package io.github.oidcservlet.testkit;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Live knobs of a {@link TestProvider}: every setter takes effect for the next request, from any thread, and
 * returns {@code this} so calls chain. {@link #reset()} (or {@link TestProvider#reset()}) restores every default.
 * A {@code null} where a value is optional switches that misbehaviour off.
 */
public final class ProviderBehaviour extends TokenEndpointBehaviour {

    /** A forced authorization error response (RFC 6749 §4.1.2.1). */
    public record AuthorizationError(String error, String description, boolean includeState) { }

    /**
     * RFC 9207 settings, changed together so a request never sees half of a change.
     *
     * @param value the {@code iss} to send; {@code null} while {@code send} means the real issuer
     */
    public record IssParameter(boolean advertise, boolean send, String value) { }

    private static final Consumer<JWTClaimsSet.Builder> NO_CHANGE = builder -> { };

    private volatile Signing signing;
    private volatile Consumer<JWTClaimsSet.Builder> idTokenClaims;
    private volatile boolean omitKid;
    private volatile List<String> advertisedIdTokenAlgs;
    private volatile IssParameter issParameter;
    private volatile AuthorizationError authorizationError;
    private volatile boolean interactiveLogin;
    private volatile boolean nonceAndPkceOptional;
    private volatile String loginAs;
    private volatile String userinfoSub;
    private volatile int userinfoStatus;
    private volatile boolean userinfoDisabled;
    private volatile boolean advertiseEndSession;
    private volatile boolean advertiseRevocation;

    ProviderBehaviour() {
        reset();
    }

    @Override
    ProviderBehaviour self() {
        return this;
    }

    /** Restores every default: an honest provider that logs in "alice" without asking. */
    public synchronized void reset() {
        resetTokenEndpoint();
        resetAnswers();
        resetPushedRequests();
        signing = Signing.RS256;
        idTokenClaims = NO_CHANGE;
        omitKid = false;
        advertisedIdTokenAlgs = List.of("RS256", "ES256");
        issParameter = new IssParameter(false, false, null);
        authorizationError = null;
        interactiveLogin = false;
        nonceAndPkceOptional = false;
        loginAs = "alice";
        userinfoSub = null;
        userinfoStatus = 200;
        userinfoDisabled = false;
        advertiseEndSession = true;
        advertiseRevocation = true;
    }

    /**
     * How ID tokens are signed; default {@link Signing#RS256}.
     *
     * @param value the new value
     * @return this behaviour, to chain calls
     */
    public ProviderBehaviour signing(Signing value) {
        signing = Objects.requireNonNull(value, "signing");
        return this;
    }

    /**
     * A customizer applied last to every ID token the provider issues (after the standard and user claims), to
     * set a wrong {@code iss}/{@code aud}/{@code azp}/{@code nonce}, an old {@code exp}, or to remove a claim:
     * {@code b.claim("iat", null)} removes {@code iat} from the token.
     * @param customizer the customizer
     * @return this behaviour, to chain calls
     */
    public ProviderBehaviour idTokenClaims(Consumer<JWTClaimsSet.Builder> customizer) {
        idTokenClaims = customizer == null ? NO_CHANGE : customizer;
        return this;
    }

    /**
     * Leave {@code kid} out of the JWKS and of token headers.
     *
     * @param value the new value
     * @return this behaviour, to chain calls
     */
    public ProviderBehaviour omitKid(boolean value) {
        omitKid = value;
        return this;
    }

    /**
     * {@code id_token_signing_alg_values_supported} in discovery; default RS256, ES256.
     *
     * @param algs the algs
     * @return this behaviour, to chain calls
     */
    public ProviderBehaviour advertisedIdTokenAlgs(List<String> algs) {
        advertisedIdTokenAlgs = List.copyOf(algs);
        return this;
    }

    /**
     * RFC 9207: {@code true} advertises {@code authorization_response_iss_parameter_supported} and sends the real
     * issuer as {@code iss} on every authorization response; {@code false} does neither (the default).
     * @param advertiseAndSend the advertiseAndSend
     * @return this behaviour, to chain calls
     */
    public ProviderBehaviour issParameter(boolean advertiseAndSend) {
        issParameter = new IssParameter(advertiseAndSend, advertiseAndSend, null);
        return this;
    }

    /**
     * RFC 9207 mismatch tests: whether discovery advertises the parameter, and the {@code iss} value sent on
     * authorization responses ({@code null}: none at all).
     * @param advertise the advertise
     * @param valueOrNullToOmit the valueOrNullToOmit
     * @return this behaviour, to chain calls
     */
    public ProviderBehaviour issParameter(boolean advertise, String valueOrNullToOmit) {
        issParameter = new IssParameter(advertise, valueOrNullToOmit != null, valueOrNullToOmit);
        return this;
    }

    /**
     * Answer every valid authorization request with this error redirect, including {@code state}.
     *
     * @param error the {@code error} code, or {@code null} to switch this off
     * @param description the {@code error_description}, or {@code null}
     * @return this behaviour, to chain calls
     */
    public ProviderBehaviour authorizationError(String error, String description) {
        return authorizationError(error, description, true);
    }

    /**
     * Answer every valid authorization request with this error redirect; {@code null} error switches it off.
     *
     * @param error the {@code error} code, or {@code null} to switch this off
     * @param description the {@code error_description}, or {@code null}
     * @param includeState the include state
     * @return this behaviour, to chain calls
     */
    public ProviderBehaviour authorizationError(String error, String description, boolean includeState) {
        authorizationError = error == null ? null : new AuthorizationError(error, description, includeState);
        return this;
    }

    /**
     * Show an HTML login form (input {@code #username}, button {@code #submit}) instead of logging in at once.
     *
     * @param value the new value
     * @return this behaviour, to chain calls
     */
    public ProviderBehaviour interactiveLogin(boolean value) {
        interactiveLogin = value;
        return this;
    }

    /**
     * Accept authorization requests without {@code nonce} and without PKCE, as OIDC Core 3.1.2.1 (nonce is
     * OPTIONAL in the code flow) and RFC 7636 (an extension) allow and as some relying parties send them (Jetty 12's
     * OpenID module sends neither), for benchmarks beside such peers. Default {@code false}: this provider is strict
     * so that a relying party that forgets one fails its tests. A {@code code_challenge} that is sent is still checked.
     *
     * @param value {@code true} to accept requests without nonce and PKCE
     * @return this behaviour, to chain calls
     */
    public ProviderBehaviour nonceAndPkceOptional(boolean value) {
        nonceAndPkceOptional = value;
        return this;
    }

    /**
     * The user the non-interactive authorization endpoint logs in; default "alice".
     *
     * @param username the user name
     * @return this behaviour, to chain calls
     */
    public ProviderBehaviour loginAs(String username) {
        loginAs = Objects.requireNonNull(username, "username");
        return this;
    }

    /**
     * The {@code sub} userinfo answers with; {@code null} means the user's real one.
     *
     * @param value the new value
     * @return this behaviour, to chain calls
     */
    public ProviderBehaviour userinfoSub(String value) {
        userinfoSub = value;
        return this;
    }

    /**
     * Make userinfo answer this status (with an error body) instead of 200.
     *
     * @param value the new value
     * @return this behaviour, to chain calls
     */
    public ProviderBehaviour userinfoStatus(int value) {
        userinfoStatus = value;
        return this;
    }

    /**
     * Remove the userinfo endpoint: not in discovery, 404 when called.
     *
     * @param value the new value
     * @return this behaviour, to chain calls
     */
    public ProviderBehaviour userinfoDisabled(boolean value) {
        userinfoDisabled = value;
        return this;
    }

    /**
     * Whether discovery lists {@code end_session_endpoint}; default true.
     *
     * @param value the new value
     * @return this behaviour, to chain calls
     */
    public ProviderBehaviour advertiseEndSession(boolean value) {
        advertiseEndSession = value;
        return this;
    }

    /**
     * Whether discovery lists {@code revocation_endpoint}; default true.
     *
     * @param value the new value
     * @return this behaviour, to chain calls
     */
    public ProviderBehaviour advertiseRevocation(boolean value) {
        advertiseRevocation = value;
        return this;
    }

    /** {@return the current {@code signing} setting} */
    public Signing signing() { return signing; }
    /** {@return the current {@code idTokenClaims} setting} */
    public Consumer<JWTClaimsSet.Builder> idTokenClaims() { return idTokenClaims; }
    /** {@return the current {@code omitKid} setting} */
    public boolean omitKid() { return omitKid; }
    /** {@return the current {@code advertisedIdTokenAlgs} setting} */
    public List<String> advertisedIdTokenAlgs() { return advertisedIdTokenAlgs; }
    /** {@return the current {@code issParameter} setting} */
    public IssParameter issParameter() { return issParameter; }
    /** {@return the current {@code authorizationError} setting} */
    public AuthorizationError authorizationError() { return authorizationError; }
    /** {@return the current {@code interactiveLogin} setting} */
    public boolean interactiveLogin() { return interactiveLogin; }
    /** {@return the current {@code nonceAndPkceOptional} setting} */
    public boolean nonceAndPkceOptional() { return nonceAndPkceOptional; }
    /** {@return the current {@code loginAs} setting} */
    public String loginAs() { return loginAs; }
    /** {@return the current {@code userinfoSub} setting} */
    public String userinfoSub() { return userinfoSub; }
    /** {@return the current {@code userinfoStatus} setting} */
    public int userinfoStatus() { return userinfoStatus; }
    /** {@return the current {@code userinfoDisabled} setting} */
    public boolean userinfoDisabled() { return userinfoDisabled; }
    /** {@return the current {@code advertiseEndSession} setting} */
    public boolean advertiseEndSession() { return advertiseEndSession; }
    /** {@return the current {@code advertiseRevocation} setting} */
    public boolean advertiseRevocation() { return advertiseRevocation; }
}
