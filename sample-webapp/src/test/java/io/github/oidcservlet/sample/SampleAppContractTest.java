package io.github.oidcservlet.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sample's published contract (DESIGN.md, "The sample webapp"), over HTTP against the application running
 * in-process with its demo provider.
 */
class SampleAppContractTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static SampleApp app;
    private static DemoProvider provider;
    /** No cookies, no redirects followed: every answer as the server gave it. */
    private static HttpClient anonymous;

    @BeforeAll
    static void start() throws Exception {
        app = SampleApp.start(0);
        provider = app.demoProvider().orElseThrow(() -> new AssertionError(
                "the contract is checked against the demo provider: unset OIDC_ISSUER and OIDC_AUTHORIZATION_ENDPOINT"));
        anonymous = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void homePageIsPublicWithALoginLinkAndALogoutLinkOnlyForALoggedInUser() throws Exception {
        HttpResponse<String> home = get(anonymous, "/", true);

        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(contentType(home)).isEqualToIgnoringCase("text/html;charset=UTF-8");
        assertThat(home.body()).startsWith("<!DOCTYPE html>")
                .contains("<a href=\"/profile\">Log in</a>")
                .doesNotContain("/oidc/logout", "Log out", "logged out")
                .endsWith("</html>\n");
        assertThat(home.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(home.headers().firstValue("Server")).isEmpty();

        HttpResponse<String> signedIn = get(logIn("alice"), "/", true);
        assertThat(signedIn.body()).contains("Signed in as <strong>alice</strong>",
                "<a href=\"/oidc/logout\">Log out</a>");
    }

    @Test
    void theHomePageSaysYouAreLoggedOutAfterALogoutOnly() throws Exception {
        HttpClient bob = logIn("bob");
        // the application's own link: a same-origin navigation logs out at once
        HttpResponse<String> logout = send(bob, navigation(HttpRequest.newBuilder(app.baseUri().resolve("/oidc/logout")))
                .header("Sec-Fetch-Site", "same-origin"));
        assertThat(logout.statusCode()).isEqualTo(302);
        HttpResponse<String> endSession = send(bob, HttpRequest.newBuilder(location(logout)).GET());
        assertThat(endSession.statusCode()).as("the provider's end_session_endpoint").isEqualTo(302);
        URI landing = location(endSession);
        assertThat(landing.getRawQuery()).as("back from the provider with the logout's state").startsWith("state=");

        HttpResponse<String> home = send(bob, navigation(HttpRequest.newBuilder(landing)));

        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("You are logged out.", "<a href=\"/profile\">Log in</a>")
                .doesNotContain("Signed in as", "Log out");
        assertThat(get(bob, "/", true).body()).as("the plain home page afterwards").doesNotContain("logged out");
        assertThat(send(anonymous, navigation(HttpRequest.newBuilder(landing))).body())
                .as("the same link in a browser that had no session").doesNotContain("logged out");
        assertThat(send(logIn("carol"), navigation(HttpRequest.newBuilder(landing))).body())
                .as("a logged-in user").contains("Signed in as").doesNotContain("logged out");
    }

    @Test
    void publicPingAnswersPong() throws Exception {
        HttpResponse<String> ping = get(anonymous, "/public/ping", false);

        assertThat(ping.statusCode()).isEqualTo(200);
        assertThat(contentType(ping)).startsWith("text/plain");
        assertThat(ping.body()).isEqualTo("pong");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/ping", "/api/me"})
    void apiPathsAnswer401WithoutASessionEvenToABrowserNavigation(String path) throws Exception {
        for (boolean navigation : List.of(false, true)) {
            HttpResponse<String> response = get(anonymous, path, navigation);

            assertThat(response.statusCode()).as("GET %s, navigation %s", path, navigation).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).as("GET %s", path).isPresent();
            assertThat(response.headers().firstValue("Location")).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/profile", "/admin"})
    void protectedPagesRedirectABrowserToTheProvidersAuthorizationEndpoint(String path) throws Exception {
        HttpResponse<String> response = get(anonymous, path, true);

        assertThat(response.statusCode()).isEqualTo(302);
        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
        assertThat(location.getScheme() + "://" + location.getRawAuthority() + location.getRawPath())
                .isEqualTo(provider.authorizationEndpoint().toString());
        assertThat(location.getRawQuery())
                .contains("response_type=code", "client_id=" + DemoProvider.CLIENT_ID,
                        "redirect_uri=" + URLEncoder.encode(app.baseUri() + "oidc/callback", StandardCharsets.UTF_8),
                        "state=", "nonce=", "code_challenge=", "code_challenge_method=S256");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() throws Exception {
        HttpResponse<String> response = get(anonymous, "/profile", true);

        assertThat(response.headers().allValues("Set-Cookie"))
                .as("the pending login lives in the session")
                .anySatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID=")
                        .containsIgnoringCase("; HttpOnly")
                        .containsIgnoringCase("; SameSite=Lax"));
    }

    @Test
    void aUserWithoutTheAdminRoleSeesTheirProfileAndJsonButNotTheAdminPage() throws Exception {
        HttpClient alice = logIn("alice");

        HttpResponse<String> profile = get(alice, "/profile", true);
        assertThat(profile.statusCode()).isEqualTo(200);
        assertThat(contentType(profile)).isEqualToIgnoringCase("text/html;charset=UTF-8");
        assertThat(profile.body()).contains("<strong id=\"name\">alice</strong>", "<tr data-claim=\"sub\">",
                "<tr data-claim=\"groups\">");

        HttpResponse<String> me = get(alice, "/api/me", false);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(contentType(me)).startsWith("application/json");
        JsonNode user = JSON.readTree(me.body());
        assertThat(user.path("name").asText()).isEqualTo("alice");
        assertThat(user.path("roles").toString()).isEqualTo("[\"users\"]");
        assertThat(user.path("claims").path("sub").asText()).isEqualTo("alice");
        assertThat(user.path("claims").path("iss").asText()).isEqualTo(provider.issuer().toString());

        HttpResponse<String> admin = get(alice, "/admin", true);
        assertThat(admin.statusCode()).isEqualTo(403);
        assertThat(contentType(admin)).isEqualToIgnoringCase("text/html;charset=UTF-8");
        assertThat(admin.body()).contains("<h1>Forbidden</h1>");

        assertThat(get(alice, "/api/ping", false).body()).isEqualTo("pong");
    }

    @Test
    void theAdminDemoUserHasTheAdminRole() throws Exception {
        HttpClient admin = logIn("admin");

        HttpResponse<String> page = get(admin, "/admin", true);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Admin</h1>");
        JsonNode user = JSON.readTree(get(admin, "/api/me", false).body());
        assertThat(user.path("roles").toString()).isEqualTo("[\"admin\",\"users\"]");
    }

    @Test
    void everyClaimIsHtmlEscapedOnTheProfilePage() throws Exception {
        String hostile = "<img src=x onerror=alert(1)>\"'&";
        HttpClient mallory = logIn(hostile);

        HttpResponse<String> profile = get(mallory, "/profile", true);

        assertThat(profile.statusCode()).isEqualTo(200);
        assertThat(profile.body()).doesNotContain("<img")
                .contains("&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;");
    }

    @Test
    void errorsShowAPlainPageAndNoStackTrace() throws Exception {
        HttpResponse<String> missing = get(anonymous, "/public/missing", true);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(contentType(missing)).isEqualToIgnoringCase("text/html;charset=UTF-8");
        assertThat(missing.body()).contains("<h1>404 Not Found</h1>");
        assertNoStackTrace(missing);

        HttpResponse<String> forgedCallback = get(anonymous, "/oidc/callback?code=forged&state=forged", true);
        assertThat(forgedCallback.statusCode()).isBetween(400, 499);
        assertNoStackTrace(forgedCallback);
    }

    /**
     * Logs in through the demo provider as a browser would, one redirect at a time, and returns a client holding
     * the session cookie.
     */
    private static HttpClient logIn(String userName) throws Exception {
        HttpClient browser = HttpClient.newBuilder().connectTimeout(TIMEOUT).cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> toProvider = get(browser, "/profile", true);
        assertThat(toProvider.statusCode()).isEqualTo(302);
        URI authorization = location(toProvider);

        HttpResponse<String> loginPage = send(browser, HttpRequest.newBuilder(authorization).GET());
        assertThat(loginPage.body()).contains("name=\"username\"");
        HttpResponse<String> toCallback = send(browser, HttpRequest.newBuilder(authorization)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "username=" + URLEncoder.encode(userName, StandardCharsets.UTF_8))));
        assertThat(toCallback.statusCode()).isEqualTo(302);
        URI callback = location(toCallback);
        assertThat(callback.toString()).startsWith(app.baseUri() + "oidc/callback?");

        HttpResponse<String> back = send(browser, navigation(HttpRequest.newBuilder(callback)));
        assertThat(back.statusCode()).as("callback answered %s", back.body()).isEqualTo(302);
        assertThat(location(back)).isEqualTo(app.baseUri().resolve("/profile"));
        return browser;
    }

    private static HttpResponse<String> get(HttpClient client, String path, boolean navigation) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(app.baseUri().resolve(path));
        return send(client, navigation ? navigation(request) : request);
    }

    /** The headers of a browser's top-level navigation, which the filter answers with a redirect to log in. */
    private static HttpRequest.Builder navigation(HttpRequest.Builder request) {
        return request.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                .header("Sec-Fetch-Mode", "navigate")
                .header("Sec-Fetch-Dest", "document");
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request)
            throws IOException, InterruptedException {
        return client.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI location(HttpResponse<String> response) {
        return response.uri().resolve(response.headers().firstValue("Location").orElseThrow(
                () -> new AssertionError("no Location in a " + response.statusCode() + " from " + response.uri())));
    }

    private static String contentType(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse("").replace(" ", "");
    }

    private static void assertNoStackTrace(HttpResponse<String> response) {
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("at org.")
                .doesNotContain("at io.github.");
    }
}
