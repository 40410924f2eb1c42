package io.github.oidcservlet.core.internal.logout;

import io.github.oidcservlet.core.OidcLogin;
import io.github.oidcservlet.core.internal.config.TenantIssuers;
import io.github.oidcservlet.core.store.EndedLogins;

/**
 * The {@link EndedLogins} of a multi-tenant issuer: each tenant is an issuer of its own, and a {@code sid} or
 * {@code sub} is unique only within its issuer (OIDC Core §2), so a back-channel logout of one tenant must not end a
 * login of another tenant that happens to carry the same value. The logout token validator records the keys of
 * {@link TenantIssuers#scopedKey} (issuer and value); this has the store look a login up under the same keys, made
 * from its own issuer ({@link EndedLogins#isEndedScoped}). The store behind it (in memory or shared) records plain
 * strings. Thread-safe.
 */
public final class TenantEndedLogins implements EndedLogins {

    private final EndedLogins stored;

    private TenantEndedLogins(EndedLogins stored) {
        this.stored = stored;
    }

    /**
     * @param stored  the store's ended logins
     * @param tenants the configuration's issuers
     * @return {@code stored} itself for one issuer, else the tenant-aware view of it
     */
    public static EndedLogins of(EndedLogins stored, TenantIssuers tenants) {
        return tenants.multiTenant() ? new TenantEndedLogins(stored) : stored;
    }

    /** Records keys already scoped by the logout token validator. */
    @Override
    public void end(String sid, String sub, long issuedAtMillis, long receivedAtMillis) {
        stored.end(sid, sub, issuedAtMillis, receivedAtMillis);
    }

    @Override
    public boolean isEmpty() {
        return stored.isEmpty();
    }

    /**
     * Looks the login up under its issuer's keys. The login itself goes to the store: the in-memory one finds it
     * by its {@code iss} and values, so the hot path builds no copy and no key.
     */
    @Override
    public boolean isEnded(OidcLogin session) {
        return stored.isEndedScoped(session);
    }

    @Override
    public boolean isEndedScoped(OidcLogin session) {
        return stored.isEndedScoped(session);
    }

    @Override
    public String toString() {
        return "TenantEndedLogins[" + stored + "]";
    }
}
