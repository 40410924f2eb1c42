package io.github.oidcservlet.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.oidcservlet.testkit.TestProvider;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A reference for the login benchmark, never a way to log anyone in: the least a code-flow relying party does
 * against the test provider (state, nonce and PKCE, because the provider insists; the code redeemed over a blocking
 * connection; the ID token's payload read but its signature NOT checked; no userinfo; a new session id). About
 * what Jetty 12's OpenID module does, which checks no signature and never calls userinfo either. Our filter's
 * login, beside it in the same run, shows what validation and userinfo add.
 */
final class BareRelyingParty extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String authorizationEndpoint;
    private final String tokenEndpoint;

    private BareRelyingParty(String authorizationEndpoint, String tokenEndpoint) {
        this.authorizationEndpoint = authorizationEndpoint;
        this.tokenEndpoint = tokenEndpoint;
    }

    /** The endpoints from the provider's discovery document, read now, as every relying party here does. */
    static Server server(String issuer) throws IOException {
        JsonNode discovery;
        try (InputStream in = URI.create(issuer + "/.well-known/openid-configuration").toURL().openStream()) {
            discovery = JSON.readTree(in);
        }
        BareRelyingParty servlet = new BareRelyingParty(discovery.get("authorization_endpoint").asText(),
                discovery.get("token_endpoint").asText());
        return LoadTarget.onLoopback(0, context -> context.addServlet(new ServletHolder(servlet), "/*"));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String redirectUri = request.getRequestURL().toString().replaceFirst("/[^/]*$", "") + "/callback";
        if (request.getRequestURI().equals("/callback")) {
            callback(request, response, redirectUri);
            return;
        }
        HttpSession session = request.getSession(true);
        if (session.getAttribute("user") != null) {
            response.setContentType("text/plain");
            response.getWriter().write("user=" + session.getAttribute("user"));
            return;
        }
        String state = random();
        String verifier = random();
        session.setAttribute("state", state);
        session.setAttribute("verifier", verifier);
        response.sendRedirect(authorizationEndpoint + "?response_type=code&client_id="
                + TestProvider.DEFAULT_CLIENT_ID + "&redirect_uri=" + encode(redirectUri)
                + "&scope=openid%20profile%20email&state=" + state + "&nonce=" + random()
                + "&code_challenge=" + s256(verifier) + "&code_challenge_method=S256");
    }

    private void callback(HttpServletRequest request, HttpServletResponse response, String redirectUri)
            throws IOException {
        HttpSession session = request.getSession(false);
        if (session == null || !request.getParameter("state").equals(session.getAttribute("state"))) {
            response.sendError(400);
            return;
        }
        HttpURLConnection token = (HttpURLConnection) URI.create(tokenEndpoint).toURL().openConnection();
        token.setRequestMethod("POST");
        token.setDoOutput(true);
        token.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
        token.setRequestProperty("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (TestProvider.DEFAULT_CLIENT_ID + ":" + TestProvider.DEFAULT_CLIENT_SECRET)
                        .getBytes(StandardCharsets.UTF_8)));
        try (OutputStream out = token.getOutputStream()) {
            out.write(("grant_type=authorization_code&code=" + encode(request.getParameter("code"))
                    + "&redirect_uri=" + encode(redirectUri) + "&code_verifier=" + session.getAttribute("verifier"))
                    .getBytes(StandardCharsets.UTF_8));
        }
        JsonNode tokens;
        try (InputStream in = token.getInputStream()) {
            tokens = JSON.readTree(in);
        }
        String payload = tokens.get("id_token").asText().split("\\.")[1];
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(payload));
        request.changeSessionId();
        session = request.getSession();
        session.setAttribute("user", claims.get("sub").asText());
        response.sendRedirect("/profile");
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
