package io.github.oidcservlet.core.internal.session;

import io.github.oidcservlet.core.OidcLogin;
import io.github.oidcservlet.core.store.RefreshCoordination;
import io.github.oidcservlet.core.store.RefreshOutcome;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import io.github.oidcservlet.core.internal.LogText;
import io.github.oidcservlet.core.ProviderProtocolException;
import io.github.oidcservlet.core.internal.provider.ProviderUnavailableException;
import io.github.oidcservlet.core.internal.token.TokenClient;
import io.github.oidcservlet.core.internal.token.TokenEndpointException;
import io.github.oidcservlet.core.internal.token.TokenResponse;
import io.github.oidcservlet.core.internal.validation.IdTokenValidator;
import io.github.oidcservlet.core.internal.validation.TokenValidationException;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Silent refresh (RFC 6749 §6, OIDC Core §12): redeems the refresh token once per session at a time and turns
 * every answer into a {@link RefreshOutcome}. Thread-safe.
 */
public final class LoginRefresher {

    private static final System.Logger LOG = System.getLogger(LoginRefresher.class.getName());
    /** How long a finished refresh stays visible to late requests of the same (old) session. */
    public static final Duration LINGER = Duration.ofSeconds(2);

    private final TokenClient tokenClient;
    private final Supplier<IdTokenValidator> validator;
    private final LoginFactory sessionFactory;
    private final Clock clock;
    private final RefreshCoordination flights;

    /** @param maxWait how long a request waits for the refresh another request of its session runs */
    public LoginRefresher(TokenClient tokenClient, Supplier<IdTokenValidator> validator,
                            LoginFactory sessionFactory, Clock clock, Duration maxWait) {
        this(tokenClient, validator, sessionFactory, clock, RefreshCoordination.inMemory(maxWait, LINGER, clock::millis));
    }

    /** @param flights what makes concurrent refreshes of one login one refresh (the store's) */
    public LoginRefresher(TokenClient tokenClient, Supplier<IdTokenValidator> validator,
                            LoginFactory sessionFactory, Clock clock, RefreshCoordination flights) {
        this.tokenClient = tokenClient;
        this.validator = validator;
        this.sessionFactory = sessionFactory;
        this.clock = clock;
        this.flights = flights;
    }

    /** Refreshes {@code session}, or joins the refresh of it that is already under way. */
    public RefreshOutcome refresh(OidcLogin session) {
        if (session.refreshToken() == null) {
            return new RefreshOutcome.NotRefreshable();
        }
        return flights.run(session, session.isValid(clock.millis()), this::redeem);
    }

    private RefreshOutcome redeem(OidcLogin session) {
        try {
            TokenResponse tokens = tokenClient.refresh(session.refreshToken());
            JWTClaimsSet newClaims = null;
            if (tokens.idToken() != null) {
                // OIDC Core §12.2: validated as at login, and against the original ID token (same iss and sub).
                newClaims = validator.get().validateRefreshed(tokens.idToken(), originalClaims(session));
            }
            return new RefreshOutcome.Refreshed(sessionFactory.refreshed(session, newClaims, tokens, clock.millis()));
        } catch (TokenEndpointException refused) {
            // RFC 6749 §5.2: a 4xx error (invalid_grant: revoked, expired or rotated away) is definitive; an error
            // body on a 5xx (temporarily_unavailable) is not.
            if (refused.status() >= 500) {
                return unavailable(refused.getMessage());
            }
            return ended(refused.getMessage());
        } catch (TokenValidationException invalid) {
            return ended(invalid.getMessage());
        } catch (ProviderUnavailableException | ProviderProtocolException down) {
            return unavailable(down.getMessage());
        }
    }

    private static JWTClaimsSet originalClaims(OidcLogin session) {
        try {
            // verified at login; only read here
            return JWTParser.parse(session.idToken()).getJWTClaimsSet();
        } catch (ParseException e) {
            throw new IllegalStateException("the stored ID token was parsed at login", e);
        }
    }

    private static RefreshOutcome ended(String detail) {
        LOG.log(System.Logger.Level.INFO, "Refresh refused, the login ends: " + LogText.safe(detail));
        return new RefreshOutcome.Ended(detail);
    }

    private static RefreshOutcome unavailable(String detail) {
        LOG.log(System.Logger.Level.WARNING, "Refresh not possible now: " + LogText.safe(detail));
        return new RefreshOutcome.Unavailable(detail);
    }
}
