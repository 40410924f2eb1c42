package io.github.oidcservlet.core.store;

import io.github.oidcservlet.core.internal.config.TenantIssuers;
import io.github.oidcservlet.core.internal.store.InMemoryEndedLogins;
import io.github.oidcservlet.core.OidcLogin;

/**
 * Which logins the provider has ended through back-channel logout (OpenID Back-Channel Logout 1.0 §2.7). The
 * provider's request carries no browser cookie, so sessions are not looked up and destroyed; instead the ended
 * {@code sid}s and {@code sub}s are recorded here and every request checks its login against them. The in-memory
 * {@link InMemoryEndedLogins} serves one node; a cluster plugs in a shared store behind this interface.
 * Implementations are thread-safe.
 */
public interface EndedLogins {

    /**
     * Records a logout: its {@code sid} ends the logins of that provider session, its {@code sub} every login of
     * that user; a token with both ends the logins matching either. Only logins whose ID token was issued before
     * the logout token end: a login issued later is a new one. Both {@code iat}s are the provider's, so the local
     * clock (when our callback ran) does not decide; only when both fall in the same second (their precision) does
     * the local order of login and receipt break the tie.
     *
     * @param sid              the logout token's {@code sid}, or null
     * @param sub              the logout token's {@code sub}, or null (one of the two is present)
     * @param issuedAtMillis   the logout token's {@code iat} (epoch milliseconds)
     * @param receivedAtMillis when this server received it (its own clock)
     * @throws StoreUnavailableException when it could not be recorded now (the logout is answered 503)
     */
    void end(String sid, String sub, long issuedAtMillis, long receivedAtMillis);

    /**
     * Whether nothing is recorded; must be as cheap as a field read, because every authenticated request asks it
     * first and calls {@link #isEnded} only when it answers false.
     *
     * @return true when no logout has been recorded
     */
    boolean isEmpty();

    /**
     * Whether a recorded logout ended this login: its {@code sid} or {@code sub} was logged out by a logout token
     * issued after the login's ID token.
     *
     * @param session the login a request holds
     * @return true when the login is over
     */
    boolean isEnded(OidcLogin session);

    /**
     * Whether a recorded logout ended this login of a multi-tenant issuer (an {@code issuer} with
     * {@code {tenantid}}, e.g. Microsoft Entra ID's): each tenant is an issuer of its own and a {@code sid} or
     * {@code sub} is unique only within it (OIDC Core §2), so {@link #end} received them scoped, as the logout
     * token's {@code iss}, a space and the value; this looks the login up under the same keys, made from the login's
     * own {@code iss}. Every authenticated request of such an issuer asks it once a logout has been recorded.
     *
     * <p>The default asks {@link #isEnded} with a copy of the login that holds those keys. A store on the hot path
     * should override it with a lookup that builds neither a login nor a key per request, as the in-memory one
     * does by keeping each scoped key under its issuer.
     *
     * @param session the login a request holds
     * @return true when the login is over
     */
    default boolean isEndedScoped(OidcLogin session) {
        String issuer = session.issuer();
        return isEnded(session.toBuilder().subject(TenantIssuers.issuerScoped(issuer, session.subject()))
                .sid(TenantIssuers.issuerScoped(issuer, session.sid())).build());
    }
}
