package io.github.oidcservlet.testkit;

import java.net.URI;

/** Where each endpoint lives: {@code base + prefix + path}, the prefix being the issuer path (or empty). */
record EndpointUris(URI base, String prefix) {

    static final String DISCOVERY = "/.well-known/openid-configuration";
    static final String AUTHORIZE = "/authorize";
    static final String TOKEN = "/token";
    static final String USERINFO = "/userinfo";
    static final String JWKS = "/jwks";
    static final String END_SESSION = "/logout";
    static final String REVOKE = "/revoke";
    static final String PAR = "/par";

    URI resolve(String endpointPath) {
        return base.resolve(prefix + endpointPath);
    }

    String path(String endpointPath) {
        return prefix + endpointPath;
    }
}
