package io.github.oidcservlet.core.web;

import io.github.oidcservlet.core.OidcLogin;

/**
 * What {@link OidcWebAdapter#renew} made of a request whose stored login was not simply active, handed to
 * {@link OidcWebAdapter#challenge} when the request needs a login.
 */
public sealed interface Renewal {

    /** The singleton {@link Ended}. */
    Renewal ENDED = new Ended();
    /** The singleton {@link Unavailable}. */
    Renewal UNAVAILABLE = new Unavailable();

    /**
     * The login authenticates the request (refreshed, or its access token still valid).
     *
     * @param session the login to authenticate with
     */
    record Active(OidcLogin session) implements Renewal {
    }

    /** No login: none was stored, its refresh was refused, or the provider ended it. A challenge starts a new one. */
    record Ended() implements Renewal {
    }

    /** The login expired and the provider cannot be reached to renew it: a challenge answers 503. */
    record Unavailable() implements Renewal {
    }

    /**
     * The login expired and cannot be refreshed (no refresh token): a challenge re-authenticates with
     * {@code id_token_hint}.
     *
     * @param expired the expired login
     */
    record Reauthenticate(OidcLogin expired) implements Renewal {
    }
}
