package io.github.oidcservlet.core.internal.logout;

/**
 * The answer to a back-channel logout request (OpenID Back-Channel Logout 1.0 §2.8): 200 on success, else 400
 * with an OAuth-style {@code error} (or 503 when the provider's keys could not be fetched to check it, or the store
 * could not record it: the provider retries).
 */
public record BackchannelLogoutResult(int status, String error, String errorDescription) {

    static BackchannelLogoutResult ok() {
        return new BackchannelLogoutResult(200, null, null);
    }

    static BackchannelLogoutResult invalid(String description) {
        return new BackchannelLogoutResult(400, "invalid_request", description);
    }

    public boolean isSuccess() {
        return status == 200;
    }
}
