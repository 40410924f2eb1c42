package io.github.oidcservlet.core.internal.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * The keys of the application itself, read once and shared by all its provider registrations: its paths, the
 * external base URL, timeouts and limits, the session cookie, the store. Immutable.
 *
 * @param refreshMargin         {@code refresh-margin}
 * @param clockSkew             {@code clock-skew}
 * @param redirectPath          {@code redirect-path}; a named registration's callback is below it
 * @param logoutPath            {@code logout-path}
 * @param backchannelLogoutPath {@code backchannel-logout-path}; a named registration's is below it
 * @param loginPath             {@code login-path}
 * @param postLogoutRedirectUri {@code post-logout-redirect-uri}, or null
 * @param publicPaths           {@code public-paths}
 * @param apiPaths              {@code api-paths}
 * @param baseUrl               {@code base-url}, or null
 * @param connectTimeout        {@code connect-timeout}
 * @param readTimeout           {@code read-timeout}
 * @param silentReauth          {@code silent-reauth}
 * @param maxResponseSize       {@code max-response-size}
 * @param allowHttp             {@code allow-http}
 * @param sessionCookieSameSite {@code session-cookie-same-site}, or null for none
 * @param store                 {@code store} and its {@code store-*} keys
 */
public record ApplicationSettings(Duration refreshMargin, Duration clockSkew, String redirectPath, String logoutPath,
                                  String backchannelLogoutPath, String loginPath, String postLogoutRedirectUri,
                                  List<String> publicPaths, List<String> apiPaths, URI baseUrl,
                                  Duration connectTimeout, Duration readTimeout, boolean silentReauth,
                                  long maxResponseSize, boolean allowHttp, String sessionCookieSameSite,
                                  StoreSettings store) {

    /**
     * Reads the application's keys, reporting each problem on the reader.
     *
     * @param in the reader of the un-named keys
     * @return the settings
     */
    public static ApplicationSettings read(ConfigReader in) {
        String redirectPath = in.path(ConfigKey.REDIRECT_PATH);
        String logoutPath = in.path(ConfigKey.LOGOUT_PATH);
        String loginPath = in.path(ConfigKey.LOGIN_PATH);
        if (redirectPath.equals(logoutPath)) {
            in.problem(ConfigKey.LOGOUT_PATH, "must differ from redirect-path ('" + redirectPath + "')");
        }
        if (loginPath.equals(redirectPath) || loginPath.equals(logoutPath)) {
            in.problem(ConfigKey.LOGIN_PATH, "must differ from redirect-path and logout-path ('" + loginPath + "')");
        }
        return new ApplicationSettings(in.seconds(ConfigKey.REFRESH_MARGIN, 0), in.seconds(ConfigKey.CLOCK_SKEW, 0),
                redirectPath, logoutPath, in.path(ConfigKey.BACKCHANNEL_LOGOUT_PATH), loginPath,
                ApplicationRules.postLogoutRedirectUri(in), in.patterns(ConfigKey.PUBLIC_PATHS),
                in.patterns(ConfigKey.API_PATHS), ApplicationRules.baseUrl(in), in.seconds(ConfigKey.CONNECT_TIMEOUT, 1),
                in.seconds(ConfigKey.READ_TIMEOUT, 1), in.bool(ConfigKey.SILENT_REAUTH),
                in.bytes(ConfigKey.MAX_RESPONSE_SIZE, 1024), in.bool(ConfigKey.ALLOW_HTTP),
                ApplicationRules.sessionCookieSameSite(in), StoreSettings.read(in, in.source()));
    }

    /**
     * A path below one of the application's paths: {@code /oidc/callback} and {@code work} give
     * {@code /oidc/callback/work}.
     *
     * @param base         the application's path
     * @param registration the registration's name
     * @return the registration's own path
     */
    public static String below(String base, String registration) {
        return (base.endsWith("/") ? base : base + "/") + registration;
    }
}
