package io.github.oidcservlet.core.internal.login;

import com.nimbusds.jwt.JWTClaimsSet;
import io.github.oidcservlet.core.internal.LogText;
import io.github.oidcservlet.core.OidcConfig;
import io.github.oidcservlet.core.internal.provider.OidcProvider;
import io.github.oidcservlet.core.internal.provider.ProviderMetadata;
import io.github.oidcservlet.core.internal.validation.TenantIssuerRule;
import io.github.oidcservlet.core.internal.session.LoginFactory;
import io.github.oidcservlet.core.internal.token.TokenClient;
import io.github.oidcservlet.core.internal.token.TokenResponse;
import io.github.oidcservlet.core.internal.validation.IdTokenValidator;
import io.github.oidcservlet.core.internal.validation.UserInfoClient;
import io.github.oidcservlet.core.internal.config.TenantIssuers;
import io.github.oidcservlet.core.internal.config.UserinfoPolicy;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The redirection endpoint of the code flow (OIDC Core §3.1.2.5–3.1.3.7): matches the response to a pending
 * login, checks it, redeems the code once, validates the ID token, fetches userinfo (as the {@code userinfo} key
 * says) and makes the session.
 */
public final class CallbackHandler {

    private static final System.Logger LOG = System.getLogger(CallbackHandler.class.getName());
    /** OIDC Core §3.1.2.6: the errors a {@code prompt=none} request gets when the user would have to act. */
    private static final Set<String> USER_MUST_ACT = Set.of("login_required", "interaction_required",
            "consent_required", "account_selection_required");

    private final OidcProvider provider;
    private final TokenClient tokenClient;
    private final Supplier<IdTokenValidator> validator;
    private final UserInfoClient userInfoClient;
    private final LoginFactory sessionFactory;
    private final Clock clock;
    private final BiFunction<PendingLogin, PendingLogins, LoginResult> interactiveLogin;
    private final UserinfoPolicy userinfoPolicy;
    private final String scopes;
    private final TenantIssuers tenants;
    private final String registration;

    public CallbackHandler(OidcConfig config, OidcProvider provider, TokenClient tokenClient,
                           Supplier<IdTokenValidator> validator, Clock clock) {
        this(config, provider, tokenClient, validator, clock, null);
    }

    /**
     * @param interactiveLogin starts an interactive login for the return URL of a silent one the provider could
     *                         not complete without the user; null keeps such failures as errors
     */
    public CallbackHandler(OidcConfig config, OidcProvider provider, TokenClient tokenClient,
                           Supplier<IdTokenValidator> validator, Clock clock,
                           BiFunction<PendingLogin, PendingLogins, LoginResult> interactiveLogin) {
        this.interactiveLogin = interactiveLogin;
        this.provider = provider;
        this.tokenClient = tokenClient;
        this.validator = validator;
        this.userInfoClient = new UserInfoClient(provider);
        this.sessionFactory = new LoginFactory(config);
        this.clock = clock;
        this.userinfoPolicy = config.userinfo();
        this.scopes = config.scopes();
        this.tenants = config.tenants();
        this.registration = config.registration();
    }

    /**
     * @param params  the callback's query parameters, each with all its values
     * @param pending the browser session's pending logins, or null when it has no session
     */
    public LoginResult handle(Map<String, List<String>> params, PendingLogins pending) {
        LoginResult result = evaluate(params, pending);
        if (result instanceof LoginResult.Failed failed) {
            // The detail may quote request parameters: LogText keeps them from forging log lines.
            LOG.log(System.Logger.Level.WARNING, "OpenID Connect login failed (" + failed.status() + "): "
                    + LogText.safe(failed.logDetail()));
        }
        return result;
    }

    private LoginResult evaluate(Map<String, List<String>> params, PendingLogins pending) {
        // RFC 6749 §3.1: "Request and response parameters MUST NOT be included more than once."
        for (Map.Entry<String, List<String>> param : params.entrySet()) {
            if (param.getValue().size() > 1) {
                return LoginResult.Failed.of(400, "The login response was malformed: the parameter '"
                        + param.getKey() + "' appears more than once." + LoginFailures.START_AGAIN,
                        "repeated parameter " + param.getKey());
            }
        }
        String state = single(params, "state");
        if (state == null && single(params, "error") != null) {
            // RFC 6749 §4.1.2.1 wants state on error responses too, but some providers (LoginID) leave it out. An
            // error logs nobody in, so its words are shown (escaped) rather than a puzzling "no state"; nothing
            // pending is consumed.
            return providerError(params, " without state");
        }
        if (state == null) {
            return LoginResult.Failed.of(400, "The login response carries no state, so it cannot be matched to a "
                    + "login started here." + LoginFailures.START_AGAIN, "callback without state");
        }
        // RFC 9700 §4.7.1: the state must match a login this browser session started; it is used only once.
        Optional<PendingLogin> match = pending == null ? Optional.empty() : pending.take(state, clock.millis());
        if (match.isEmpty()) {
            return LoginResult.Failed.of(400, "This login response does not belong to a login started in this "
                    + "browser, or it has expired or was used already." + LoginFailures.START_AGAIN,
                    "unknown or expired state");
        }
        PendingLogin login = match.get();
        // RFC 9700 §4.4.2: "the client MUST [...] check that the authorization response was received at the
        // redirect URI [...] bound to the authorization server to which the authorization request was sent". Each
        // registration has its own redirect URI and this handler is that URI's: a state started with another
        // registration is a mix-up (another provider's response, or a code meant for another provider), refused
        // before any code reaches a token endpoint. The state is used up all the same.
        if (!login.isFor(registration)) {
            return LoginResult.Failed.of(400, "This login response arrived for another identity provider than the "
                    + "one the login was started with." + LoginFailures.START_AGAIN,
                    "RFC 9700 §4.4: state of registration '" + login.registration() + "' at the redirect URI of '"
                            + registration + "'");
        }
        try {
            return complete(params, login, pending);
        } catch (RuntimeException e) {
            return LoginFailures.from(e);
        }
    }

    private LoginResult complete(Map<String, List<String>> params, PendingLogin login, PendingLogins pending) {
        ProviderMetadata metadata = provider.metadata();
        String iss = single(params, "iss");
        // RFC 9207 §2.4: "Clients that support this specification MUST extract the value of the iss parameter from
        // authorization responses they receive if the parameter is present. Clients MUST then decode the value
        // [...] and compare the result to the issuer identifier of the authorization server where the
        // authorization request was sent to." A client that knows the provider sends iss must reject a response
        // without it. The issuer here is this registration's: the one the pending login is bound to (above), which
        // defeats mix-up attacks (RFC 9700 §4.4).
        if (iss == null && metadata.issParameterSupported()) {
            return LoginResult.Failed.of(400, "The login response does not say which identity provider sent it."
                    + LoginFailures.START_AGAIN, "RFC 9207: iss missing though the provider advertises it");
        }
        // With a multi-tenant template, the template or the issuer of an allowed tenant (TenantIssuerRule).
        if (iss != null && !TenantIssuerRule.acceptsResponseIssuer(tenants, iss, metadata.issuer())) {
            return LoginResult.Failed.of(400, "The login response came from an unexpected identity provider."
                    + LoginFailures.START_AGAIN, "RFC 9207: iss '" + iss + "' is not '" + metadata.issuer() + "'");
        }
        String error = single(params, "error");
        // OIDC Core §3.1.2.6: after prompt=none, each of these errors means a person must act (log in, interact,
        // consent, pick an account); the silent re-authentication becomes an interactive login to the same page.
        if (error != null && login.silent() && interactiveLogin != null && USER_MUST_ACT.contains(error)) {
            return interactiveLogin.apply(login, pending);
        }
        if (error != null) {
            return providerError(params, "");
        }
        String code = single(params, "code");
        if (code == null || code.isEmpty()) {
            return LoginResult.Failed.of(400, "The login response carries no authorization code."
                    + LoginFailures.START_AGAIN, "callback without code");
        }
        TokenResponse tokens = tokenClient.redeemCode(code, login.redirectUri(), login.codeVerifier());
        JWTClaimsSet claims = validator.get().validate(tokens.idToken(), login.nonce());
        String userinfo = null;
        // OIDC Core §5.3: userinfo is one more sequential round trip; the userinfo key decides when it is worth it.
        if (metadata.userinfoEndpoint() != null && UserinfoNeed.needed(userinfoPolicy, scopes, claims)) {
            userinfo = userInfoClient.fetch(metadata.userinfoEndpoint(), tokens.accessToken(), claims.getSubject());
        }
        return new LoginResult.LoggedIn(sessionFactory.create(claims, userinfo, tokens, clock.millis()),
                login.returnTo());
    }

    /**
     * OIDC Core §3.1.2.6 / RFC 6749 §4.1.2.1: the provider refused; its words go to the user, escaped. The user's
     * own refusal ({@code access_denied}) is a 403, every other error a 400.
     */
    private static LoginResult providerError(Map<String, List<String>> params, String logSuffix) {
        String error = single(params, "error");
        return new LoginResult.Failed(error.equals("access_denied") ? 403 : 400,
                "The identity provider did not log you in.", error, single(params, "error_description"), false,
                "provider answered error " + error + logSuffix);
    }

    private static String single(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
