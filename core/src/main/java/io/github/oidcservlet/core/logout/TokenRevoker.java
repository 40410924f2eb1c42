package io.github.oidcservlet.core.logout;

import io.github.oidcservlet.core.LogText;
import io.github.oidcservlet.core.provider.HttpResult;
import io.github.oidcservlet.core.provider.ProviderHttp;
import io.github.oidcservlet.core.session.OidcSession;
import io.github.oidcservlet.core.token.ClientAuthentication;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Token revocation at logout (RFC 7009): the refresh token first (§2.1: the provider may then revoke the access
 * tokens of that grant too), then the access token. Best effort and in the background, so a slow or absent
 * provider never holds up the logout; every call is bounded by the connect and read timeouts. Thread-safe.
 */
public final class TokenRevoker {

    private static final System.Logger LOG = System.getLogger(TokenRevoker.class.getName());

    private final ProviderHttp http;
    private final ClientAuthentication clientAuthentication;
    private final Executor background;

    public TokenRevoker(ProviderHttp http, ClientAuthentication clientAuthentication) {
        this(http, clientAuthentication, boundedDaemonPool());
    }

    TokenRevoker(ProviderHttp http, ClientAuthentication clientAuthentication, Executor background) {
        this.http = http;
        this.clientAuthentication = clientAuthentication;
        this.background = background;
    }

    /** Up to two threads that end when idle, a hundred waiting logouts; beyond that revocation is skipped. */
    private static Executor boundedDaemonPool() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(100),
                task -> {
                    Thread thread = new Thread(task, "oidc-token-revocation");
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.DiscardPolicy());
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /**
     * Starts revoking the session's tokens at {@code endpoint}; the future completes when both calls are done
     * (successful or not), and never exceptionally.
     */
    public CompletableFuture<Void> revokeInBackground(URI endpoint, OidcSession session) {
        try {
            return CompletableFuture.runAsync(() -> {
                if (session.refreshToken() != null) {
                    revoke(endpoint, session.refreshToken(), "refresh_token");
                }
                revoke(endpoint, session.accessToken(), "access_token");
            }, background);
        } catch (RejectedExecutionException e) {
            LOG.log(System.Logger.Level.WARNING, "Token revocation skipped: too many logouts at once");
            return CompletableFuture.completedFuture(null);
        }
    }

    private void revoke(URI endpoint, String token, String hint) {
        Map<String, String> form = new LinkedHashMap<>();
        // RFC 7009 §2.1: token REQUIRED, token_type_hint OPTIONAL; the client authenticates as at the token endpoint.
        form.put("token", token);
        form.put("token_type_hint", hint);
        Map<String, String> headers = new LinkedHashMap<>();
        try {
            clientAuthentication.authenticate(endpoint, form, headers);
            HttpResult result = http.postForm(endpoint, form, headers, "revocation endpoint");
            // RFC 7009 §2.2: 200 also for tokens that were invalid already.
            if (!result.isSuccess()) {
                LOG.log(System.Logger.Level.WARNING, "Revoking the " + hint + " failed: HTTP " + result.status());
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Revoking the " + hint + " failed: " + LogText.safe(e.getMessage()));
        }
    }
}
