package io.github.oidcservlet.core.internal.logout;

import io.github.oidcservlet.core.internal.LogText;
import io.github.oidcservlet.core.ProviderProtocolException;
import io.github.oidcservlet.core.internal.provider.ProviderUnavailableException;
import io.github.oidcservlet.core.internal.store.InMemoryJtiReplayCache;
import io.github.oidcservlet.core.store.JtiReplayCache;
import io.github.oidcservlet.core.store.EndedLogins;
import io.github.oidcservlet.core.internal.validation.LogoutTokenValidator;
import io.github.oidcservlet.core.internal.validation.TokenValidationException;
import io.github.oidcservlet.core.store.StoreUnavailableException;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Back-channel logout (OpenID Back-Channel Logout 1.0 §2.5–2.8): validates the provider's logout token, refuses
 * replays, and records the ended {@code sid} or {@code sub} in the {@link EndedLogins}, from which every request
 * of those logins learns at once that it is no longer authenticated. Thread-safe.
 */
public final class BackchannelLogout {

    private static final System.Logger LOG = System.getLogger(BackchannelLogout.class.getName());
    /** The oldest logout token accepted, and so how long its jti is remembered. */
    public static final Duration MAX_TOKEN_AGE = Duration.ofMinutes(10);
    private static final int MAX_REMEMBERED_JTIS = 10_000;

    private final Supplier<LogoutTokenValidator> validator;
    private final EndedLogins index;
    private final Clock clock;
    private final JtiReplayCache seen;

    /** With a replay cache of its own on this node. */
    public BackchannelLogout(Supplier<LogoutTokenValidator> validator, EndedLogins index, Clock clock,
                             Duration clockSkew) {
        this(validator, index, new InMemoryJtiReplayCache(jtiTtl(clockSkew).toMillis(), MAX_REMEMBERED_JTIS), clock);
    }

    /** @param seen the logout-token ids seen recently (the store's, shared by a cluster) */
    public BackchannelLogout(Supplier<LogoutTokenValidator> validator, EndedLogins index, JtiReplayCache seen,
                             Clock clock) {
        this.validator = validator;
        this.index = index;
        this.clock = clock;
        this.seen = seen;
    }

    /**
     * How long a {@code jti} must be remembered: a token older than {@link #MAX_TOKEN_AGE} (give or take the skew
     * on both clocks) is refused by its {@code iat}, so a replay can neither pass the cache nor outlive it.
     *
     * @param clockSkew the configured {@code clock-skew}
     * @return the time to live of a remembered {@code jti}
     */
    public static Duration jtiTtl(Duration clockSkew) {
        return MAX_TOKEN_AGE.plus(clockSkew).plus(clockSkew);
    }

    /**
     * @param logoutTokens every {@code logout_token} value of the POST form (§2.5); exactly one is expected
     */
    public BackchannelLogoutResult handle(List<String> logoutTokens) {
        if (logoutTokens == null || logoutTokens.size() != 1 || logoutTokens.get(0).isEmpty()) {
            return refuse("the request must carry exactly one logout_token (§2.5)");
        }
        LogoutTokenValidator.LogoutToken token;
        try {
            token = validator.get().validate(logoutTokens.get(0));
        } catch (TokenValidationException invalid) {
            // §2.6: "If any of the validation steps fails, reject the Logout Token and return an HTTP 400".
            return refuse(invalid.getMessage());
        } catch (ProviderUnavailableException | ProviderProtocolException providerFault) {
            // The provider's own key set (or metadata) failed us: its fault, so it may retry, never a 500.
            LOG.log(System.Logger.Level.WARNING, "Back-channel logout not checked: "
                    + LogText.safe(providerFault.getMessage()));
            return new BackchannelLogoutResult(503, "temporarily_unavailable",
                    "the provider's keys could not be fetched to verify the logout token");
        }
        long now = clock.millis();
        try {
            // §2.6 step 6: "verify that another Logout Token with the same jti value has not been recently received".
            if (!seen.firstSighting(token.jti(), now)) {
                return refuse("logout token rejected: its jti was seen before (§2.6 step 6)");
            }
        } catch (StoreUnavailableException down) {
            return notRecorded(down);
        }
        try {
            // §2.7: log out the sessions of that sid and those of that sub, the ones the provider issued before this
            // token (compared by iat, the provider's clock on both sides).
            index.end(token.sid(), token.sub(), token.issuedAt().toEpochMilli(), now);
        } catch (StoreUnavailableException down) {
            // The retry carries the same jti: it must not be refused as a replay of a logout that was not recorded.
            seen.forget(token.jti());
            return notRecorded(down);
        }
        LOG.log(System.Logger.Level.INFO, "Back-channel logout of " + (token.sid() != null ? "a provider session"
                : "every session of a user"));
        return BackchannelLogoutResult.ok();
    }

    /**
     * §2.8: "If the logout succeeded, the RP MUST respond with HTTP 200 OK", so a logout that was not recorded never
     * gets one. §2.8 names 400 for a request that was invalid or a logout that failed; this one failed for a
     * temporary fault of ours, and 503 (RFC 9110 §15.6.4: "currently unable to handle the request due to a
     * temporary overload or scheduled maintenance") tells the provider to retry rather than to give up.
     */
    private static BackchannelLogoutResult notRecorded(StoreUnavailableException down) {
        LOG.log(System.Logger.Level.WARNING, "Back-channel logout not recorded, answered 503 so the provider retries: "
                + LogText.safe(down.getMessage()));
        return new BackchannelLogoutResult(503, "temporarily_unavailable",
                "the logout could not be recorded now; retry later");
    }

    private static BackchannelLogoutResult refuse(String reason) {
        LOG.log(System.Logger.Level.WARNING, "Back-channel logout refused: " + LogText.safe(reason));
        return BackchannelLogoutResult.invalid(reason);
    }
}
