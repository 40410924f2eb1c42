package io.github.oidcservlet.core.internal.web;

import io.github.oidcservlet.core.OidcConfig;
import io.github.oidcservlet.core.web.OidcEngine;
import io.github.oidcservlet.core.web.Route;

import java.util.ArrayList;
import java.util.List;

/**
 * The library's own paths: each registration's callback and back-channel logout path, the logout and the login
 * path. Matched part by part on every request (no string is built), so an authenticated request pays a few length
 * comparisons.
 */
public final class OwnPaths {

    private final String[] paths;
    private final Route[] routes;
    private final OidcEngine[] engines;

    public OwnPaths(EngineSet registrations) {
        List<String> pathList = new ArrayList<>();
        List<Route> routeList = new ArrayList<>();
        List<OidcEngine> engineList = new ArrayList<>();
        for (OidcEngine engine : registrations.all()) {
            pathList.add(engine.config().redirectPath());
            routeList.add(Route.CALLBACK);
            engineList.add(engine);
        }
        OidcConfig app = registrations.first().config();
        pathList.add(app.logoutPath());
        routeList.add(Route.LOGOUT);
        engineList.add(null);
        for (OidcEngine engine : registrations.all()) {
            pathList.add(engine.config().backchannelLogoutPath());
            routeList.add(Route.BACKCHANNEL_LOGOUT);
            engineList.add(engine);
        }
        pathList.add(app.loginPath());
        routeList.add(Route.LOGIN);
        engineList.add(null);
        this.paths = pathList.toArray(String[]::new);
        this.routes = routeList.toArray(Route[]::new);
        this.engines = engineList.toArray(OidcEngine[]::new);
    }

    /** @return the route of one of our paths, or null for the application's */
    public Route route(String head, String tail) {
        int index = indexOf(head, tail);
        return index < 0 ? null : routes[index];
    }

    /**
     * @param servletPath the request's servlet path
     * @param pathInfo    its path info, or null
     * @return the registration whose callback or back-channel logout path this is, or null
     */
    public OidcEngine engine(String servletPath, String pathInfo) {
        int index = indexOf(RequestPath.head(servletPath, pathInfo), pathInfo);
        return index < 0 ? null : engines[index];
    }

    private int indexOf(String head, String tail) {
        for (int i = 0; i < paths.length; i++) {
            if (RequestPath.equalTo(head, tail, paths[i])) {
                return i;
            }
        }
        return -1;
    }
}
